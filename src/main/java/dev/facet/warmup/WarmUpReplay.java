package dev.facet.warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/**
 * The services' side of the warm-up, on every REST client. A call made for a warm-up request that was never seen
 * before reaches its service, and the answer is recorded; the same call again is sent to a replay server on
 * loopback instead, which answers with the recording — so the whole client path is warmed, connection pool, HTTP
 * codec and JSON reading included, without the service. Other calls pass untouched; once the warm-up is over
 * nothing is recorded or replayed, the replay server is closed and the recordings are dropped.
 */
@Provider
@Singleton
public class WarmUpReplay implements ClientRequestFilter, ClientResponseFilter {

    static final String FLAG = "facet.warm-up";

    private record Recorded(int status, MediaType type, byte[] body) {
    }

    private final Vertx vertx;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger realCalls = new AtomicInteger();
    private volatile HttpServer server;
    private volatile String replayBase;

    WarmUpReplay(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Opens the replay server; recording and replaying are on from now. */
    void start() throws Exception {
        HttpServer opened = vertx.createHttpServer()
                .requestHandler(request -> {
                    Recorded answer = recording(request.path());
                    if (answer == null) {
                        request.response().setStatusCode(404).end();
                        return;
                    }
                    if (answer.type() != null) {
                        request.response().putHeader(HttpHeaders.CONTENT_TYPE, answer.type().toString());
                    }
                    request.response().setStatusCode(answer.status()).end(Buffer.buffer(answer.body()));
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server = opened;
        replayBase = "http://127.0.0.1:" + opened.actualPort() + "/";
    }

    void stop() {
        replayBase = null;
        HttpServer opened = server;
        server = null;
        if (opened != null) {
            opened.close();
        }
        ids.clear();
        recorded.clear();
    }

    int realCalls() {
        return realCalls.get();
    }

    /** Marks the request being served as a warm-up request, on its Vert.x context. */
    static void mark() {
        ContextLocals.put(FLAG, Boolean.TRUE);
    }

    @Override
    public void filter(ClientRequestContext request) {
        String base = replayBase;
        if (base == null || !forWarmUp()) {
            return;
        }
        Integer id = ids.get(key(request));
        if (id == null) {
            realCalls.incrementAndGet();
            return;
        }
        request.setUri(URI.create(base + id));
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        String base = replayBase;
        if (base == null || !forWarmUp() || request.getUri().toString().startsWith(base)
                || ids.containsKey(key(request)) || !response.hasEntity()) {
            return;
        }
        byte[] body;
        try (InputStream in = response.getEntityStream()) {
            body = in.readAllBytes();
        }
        response.setEntityStream(new ByteArrayInputStream(body));
        synchronized (recorded) {
            if (!ids.containsKey(key(request))) {
                recorded.add(new Recorded(response.getStatus(), response.getMediaType(), body));
                ids.put(key(request), recorded.size() - 1);
            }
        }
    }

    private Recorded recording(String path) {
        try {
            int id = Integer.parseInt(path.substring(1));
            return id >= 0 && id < recorded.size() ? recorded.get(id) : null;
        } catch (RuntimeException notOurs) {
            return null;
        }
    }

    private static boolean forWarmUp() {
        try {
            Optional<Boolean> flag = ContextLocals.get(FLAG);
            return flag.orElse(false);
        } catch (RuntimeException notOnARequestContext) {
            return false;
        }
    }

    private static String key(ClientRequestContext request) {
        return request.getMethod() + " " + request.getUri();
    }
}
