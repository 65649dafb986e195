package dev.facet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import redis.embedded.RedisServer;

/**
 * A real Redis server (6.2.6, shipped inside embedded-redis's jar: no Docker) on a free port, and Facet pointed at
 * it. Tests get a {@link Process} handle with {@link InjectRedis} to kill it mid-test and start it again on the
 * same port.
 */
public class EmbeddedRedis implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the {@link Process}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectRedis {
    }

    /** The server's process: one port for the whole test run, whatever dies and starts on it. */
    public static final class Process {

        private final int port;
        private RedisServer server;

        Process(int port) {
            this.port = port;
        }

        public String url() {
            return "redis://localhost:" + port;
        }

        public synchronized void start() {
            try {
                // no snapshots, no append-only file: a restarted server starts empty, like a lost one
                server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                        .setting("appendonly no").build();
                server.start();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }

        /** Ends the server's process, as a crash would: its clients see their connections drop. */
        public synchronized void kill() {
            try {
                if (server != null && server.isActive()) {
                    server.stop();
                }
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }

    private Process redis;

    @Override
    public Map<String, String> start() {
        redis = new Process(freePort());
        redis.start();
        return Map.of("quarkus.redis.hosts", redis.url());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(redis, new TestInjector.AnnotatedAndMatchesType(InjectRedis.class, Process.class));
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
