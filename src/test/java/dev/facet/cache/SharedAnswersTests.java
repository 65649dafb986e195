package dev.facet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.facet.shared.RedisGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import redis.embedded.RedisServer;

/**
 * Two instances' public-data caches on one real Redis (6.2.6 from embedded-redis's jar): each its own Redis client,
 * guard and in-process cache, as two Facets would have. Without Quarkus: a second Facet application cannot start in
 * one test run, and the cache needs nothing of Quarkus but the Redis client it is given.
 */
class SharedAnswersTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(2);

    record Item(String id, String text) {
    }

    private static int port;
    private static RedisServer server;
    private static Vertx vertx;
    private static Redis probe;

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        startServer();
        vertx = Vertx.vertx();
        probe = Redis.createClient(vertx, "redis://localhost:" + port);
    }

    private static void startServer() throws IOException {
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        probe.close();
        vertx.closeAndAwait();
        if (server.isActive()) {
            server.stop();
        }
    }

    /** One instance: its own client, guard and memory. */
    private static final class Instance {
        final RedisGuard guard = new RedisGuard(Duration.ofMillis(300));
        final Redis client = Redis.createClient(vertx, "redis://localhost:" + port);
        final PublicRoute<Item> products = new PublicRoute<>("catalog.products", Duration.ofMinutes(5),
                JSON.constructType(Item.class), JSON, new AnswerCache(1 << 20),
                // generous for a shared two-core machine; the bound itself is RedisGuard's, tested with the limits
                new SharedAnswers(client, guard, Duration.ofMillis(500)));
        final List<List<String>> fetched = new ArrayList<>();

        Item one(String id, String cacheControl) {
            return products.one(id, () -> {
                fetched.add(List.of(id));
                return Uni.createFrom().item(new Fetched<>(new Item(id, "from the catalog"), cacheControl));
            }).await().atMost(WAIT);
        }

        Map<String, Item> many(List<String> ids) {
            return products.many(ids, missing -> {
                fetched.add(List.copyOf(missing));
                return Uni.createFrom().item(missing.stream()
                        .map(id -> new Fetched<>(new Item(id, "from the catalog"), null)).toList());
            }, Item::id).await().atMost(WAIT);
        }
    }

    @Test
    void anAnswerOneInstanceFetchedIsFoundByTheOtherWithoutACall() throws InterruptedException {
        Instance a = new Instance();
        Instance b = new Instance();
        assertThat(a.one("p1", null).text()).isEqualTo("from the catalog");
        awaitStored("facet:cache:catalog.products:p1");

        assertThat(b.one("p1", null)).isEqualTo(new Item("p1", "from the catalog"));
        assertThat(a.fetched).containsExactly(List.of("p1"));
        assertThat(b.fetched).as("B's calls to the catalog").isEmpty();
        assertThat(b.products.counts().sharedHits()).isEqualTo(1);

        long ttl = send(Request.cmd(Command.PTTL).arg("facet:cache:catalog.products:p1")).toLong();
        assertThat(ttl).as("expires with the route's TTL").isBetween(1L, Duration.ofMinutes(5).toMillis());
    }

    @Test
    void aBatchAsksTheServiceOnlyForWhatNeitherInstanceNorRedisHas() throws InterruptedException {
        Instance a = new Instance();
        Instance b = new Instance();
        a.many(List.of("p2", "p3"));
        awaitStored("facet:cache:catalog.products:p3");

        assertThat(b.many(List.of("p2", "p3", "p4"))).containsOnlyKeys("p2", "p3", "p4");
        assertThat(b.fetched).containsExactly(List.of("p4"));
    }

    @Test
    void aNoStoreAnswerIsNotPutInRedis() throws InterruptedException {
        Instance a = new Instance();
        Instance b = new Instance();
        a.one("p5", "no-store");
        a.one("p7", null); // stored after p5 would have been
        awaitStored("facet:cache:catalog.products:p7");
        assertThat(send(Request.cmd(Command.EXISTS).arg("facet:cache:catalog.products:p5")).toInteger()).isZero();
        b.one("p5", null);
        assertThat(b.fetched).containsExactly(List.of("p5"));
    }

    @Test
    void withRedisDownReadsGoToTheServiceAndAreCountedAsFallbacksThenRedisIsUsedAgain() throws Exception {
        Instance a = new Instance();
        server.stop();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(a.one("p6-" + i, null).text()).isEqualTo("from the catalog");
            }
            assertThat(a.fetched).hasSize(5);
            assertThat(a.guard.fallbacks(SharedAnswers.STORE)).isPositive();
            assertThat(a.guard.outages()).as("one outage, logged once").isEqualTo(1);
            assertThat(a.one("p6-0", null).text()).as("kept in memory meanwhile").isEqualTo("from the catalog");
            assertThat(a.fetched).hasSize(5);
        } finally {
            startServer();
        }
        Thread.sleep(400); // past the guard's retry interval
        Instance b = new Instance();
        a.one("p8", null);
        awaitStored("facet:cache:catalog.products:p8");
        b.one("p8", null);
        assertThat(b.fetched).as("shared again").isEmpty();
        assertThat(a.guard.outage()).isFalse();
    }

    private static Response send(Request request) {
        return probe.send(request).await().atMost(WAIT);
    }

    /** Stores do not hold the answer back: wait until the store has been made. */
    private static void awaitStored(String key) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Response exists = probe.send(Request.cmd(Command.EXISTS).arg(key)).onFailure().recoverWithNull()
                    .await().atMost(WAIT);
            if (exists != null && exists.toInteger() == 1) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(key + " was never stored");
    }
}
