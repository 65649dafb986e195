package dev.facet.shared;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.facet.documents.InProcessPersistedQueries;
import dev.facet.documents.RedisPersistedQueries;
import dev.facet.edge.InProcessRateLimiter;
import dev.facet.edge.RateLimits;
import dev.facet.edge.RedisRateLimiter;
import dev.facet.testing.EmbeddedRedis;
import dev.facet.testing.EmbeddedRedis.InjectRedis;
import dev.facet.testing.ManagementPort;
import dev.facet.testing.SharedStoresProfile;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

/**
 * Two Facet instances on one Redis: instance A is the Facet under test, answering over HTTP; instance B is a second,
 * independently started set of the same stores — its own Vert.x, Redis client, guard and in-process fallbacks, as
 * another instance's would be — because Quarkus runs one application per test run. What one allows, registers or
 * remembers, the other must see; with Redis killed both must keep answering on their own, counting it; with Redis
 * back, they must share again without a restart.
 */
@QuarkusTest
@TestProfile(SharedStoresProfile.class)
@WithTestResource(ShopServices.class)
@WithTestResource(EmbeddedRedis.class)
class SharedStoresTests extends ShopTest {

    private static final RateLimits.Bucket USER = new RateLimits.Bucket() {
        @Override
        public int capacity() {
            return SharedStoresProfile.USER_CAPACITY;
        }

        @Override
        public Duration period() {
            return Duration.ofHours(1);
        }
    };

    @InjectRedis
    EmbeddedRedis.Process redis;

    @Inject
    SharedStores instanceA;

    private static Vertx vertx;
    private static Redis client;
    private static RedisGuard guardB;
    private static RedisRateLimiter limiterB;
    private static RedisPersistedQueries persistedB;

    @BeforeEach
    void startInstanceB() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            client = Redis.createClient(vertx, redis.url());
            guardB = new RedisGuard(Duration.ofMillis(300));
            limiterB = new RedisRateLimiter(client, guardB, new StoreKeys(StoreKeys.DEFAULT_SECRET),
                    Duration.ofMillis(500), new InProcessRateLimiter());
            persistedB = new RedisPersistedQueries(client, guardB, Duration.ofMillis(500), Duration.ofHours(1),
                    new InProcessPersistedQueries(new MemorySize(BigInteger.valueOf(1 << 20)),
                            new MemorySize(BigInteger.valueOf(32 * 1024))));
        }
    }

    @AfterAll
    static void stopInstanceB() {
        if (vertx != null) {
            client.close();
            vertx.closeAndAwait();
        }
    }

    @Test
    void aUsersLimitHoldsAcrossBothInstances() {
        long fallbacks = instanceA.guard().fallbacks("rate-limit");
        assertThat(allowedAcrossBoth("u21")).as("requests allowed through A and B together")
                .isEqualTo(SharedStoresProfile.USER_CAPACITY);
        assertThat(instanceA.guard().fallbacks("rate-limit")).as("every decision was Redis's").isEqualTo(fallbacks);

        java.util.List<String> keys = new java.util.ArrayList<>();
        client.send(io.vertx.mutiny.redis.client.Request.cmd(io.vertx.mutiny.redis.client.Command.KEYS).arg("*"))
                .await().atMost(Duration.ofSeconds(2)).forEach(key -> keys.add(key.toString()));
        assertThat(keys).as("every key under facet:, none naming the user").isNotEmpty()
                .allMatch(key -> key.startsWith("facet:")).noneMatch(key -> key.contains("u21"));
    }

    @Test
    void aPersistedQueryRegisteredThroughOneIsFoundThroughTheOther() {
        String throughA = "{ product(id: \"p3\") { name } }";
        registerThroughA(throughA).statusCode(200).body("data.product.name", equalTo("Product 3"));
        assertThat(persistedB.find("web", sha256(throughA)).await().atMost(Duration.ofSeconds(2)))
                .contains(throughA);

        String throughB = "{ product(id: \"p4\") { name } }";
        persistedB.register("web", sha256(throughB), throughB).await().atMost(Duration.ofSeconds(2));
        byHashOnA(sha256(throughB)).statusCode(200).body("data.product.name", equalTo("Product 4"));
        assertThat(persistedB.find("mobile", sha256(throughA)).await().atMost(Duration.ofSeconds(2)))
                .as("registrations are per client").isEmpty();
    }

    @Test
    void withRedisKilledBothKeepAnsweringAndCountItAndWithRedisBackTheyShareAgain() throws InterruptedException {
        long rateLimitFallbacksA = instanceA.guard().fallbacks("rate-limit");
        long persistedFallbacksA = instanceA.guard().fallbacks("persisted-queries");
        long outagesA = instanceA.guard().outages();
        redis.kill();
        try {
            for (int i = 0; i < 20; i++) {
                given().contentType("application/json").header("X-Client-Name", "web")
                        .body(Map.of("query", "{ product(id: \"p1\") { name } }")).post("/graphql")
                        .then().statusCode(200).body("data.product.name", equalTo("Product 1"));
            }
            String unknown = sha256("{ product(id: \"p5\") { name } }");
            byHashOnA(unknown).statusCode(200).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
            // the client's next step: the text; it is answered, and remembered here meanwhile
            registerThroughA("{ product(id: \"p5\") { name } }").statusCode(200)
                    .body("data.product.name", equalTo("Product 5"));
            byHashOnA(unknown).statusCode(200).body("data.product.name", equalTo("Product 5"));
            ManagementPort.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

            assertThat(instanceA.guard().fallbacks("rate-limit") - rateLimitFallbacksA)
                    .as("A's decisions made in-process").isGreaterThanOrEqualTo(20);
            assertThat(instanceA.guard().fallbacks("persisted-queries") - persistedFallbacksA).isPositive();
            assertThat(instanceA.guard().outages() - outagesA).as("one outage, logged once").isEqualTo(1);

            long fallbacksB = guardB.fallbacks("rate-limit");
            assertThat(limiterB.take("user:u22", USER).await().atMost(Duration.ofSeconds(2))).isZero();
            assertThat(guardB.fallbacks("rate-limit")).isEqualTo(fallbacksB + 1);
        } finally {
            redis.start();
        }
        Thread.sleep(400); // past the retry interval: the next call tries Redis again
        assertThat(allowedAcrossBoth("u23")).as("shared again").isEqualTo(SharedStoresProfile.USER_CAPACITY);
        assertThat(instanceA.guard().outage()).isFalse();
    }

    @Test
    void aCheckRedisCannotAnswerInTimeIsDecidedInProcessWithinTheBound() {
        RedisGuard guard = new RedisGuard(Duration.ofMillis(300));
        RedisRateLimiter tight = tightLimiter(guard);
        Redis blocker = Redis.createClient(vertx, redis.url());
        try {
            keepBusy(blocker, "0.5");
            sleep(50);
            long started = System.nanoTime();
            Duration wait = tight.take("user:u24", USER).await().atMost(Duration.ofSeconds(2));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(wait).isZero();
            assertThat(tookMillis).as("decided within the bound, not after Redis's 500 ms").isLessThan(200);
            assertThat(guard.fallbacks("rate-limit")).isEqualTo(1);
        } finally {
            sleep(600);
            blocker.close();
        }
    }

    @Test
    void theFirstLateAnswerAfterAQuietSpellIsABusyMomentAndOnlyLatenessThatLastsIsAnOutage() {
        RedisGuard guard = new RedisGuard(Duration.ofMillis(300));
        RedisRateLimiter tight = tightLimiter(guard);
        Redis blocker = Redis.createClient(vertx, redis.url());
        try {
            // as after start-up, or at night: no call for longer than the retry interval, then one answer is late
            sleep(400);
            keepBusy(blocker, "0.2");
            sleep(50);
            assertThat(tight.take("user:u25", USER).await().atMost(Duration.ofSeconds(2))).isZero();
            assertThat(guard.fallbacks("rate-limit")).isEqualTo(1);
            assertThat(guard.outage()).as("one late answer is no outage").isFalse();
            sleep(300);
            assertThat(tight.take("user:u25", USER).await().atMost(Duration.ofSeconds(2))).isZero();
            assertThat(guard.fallbacks("rate-limit")).as("Redis used again at once").isEqualTo(1);

            // late for longer than the retry interval: Redis is left alone
            keepBusy(blocker, "1");
            sleep(50);
            for (int i = 0; i < 12 && !guard.outage(); i++) {
                tight.take("user:u26", USER).await().atMost(Duration.ofSeconds(2));
                sleep(40);
            }
            assertThat(guard.outage()).as("lateness that lasts is an outage").isTrue();
            assertThat(guard.outages()).isEqualTo(1);
        } finally {
            sleep(1100);
            blocker.close();
        }
    }

    @Test
    void aSharedBucketRefillsEvenlyOverItsPeriodAndTellsHowLongToWait() {
        RateLimits.Bucket small = new RateLimits.Bucket() {
            @Override
            public int capacity() {
                return 2;
            }

            @Override
            public Duration period() {
                // long enough that a loaded machine's pauses between two takes refill nothing by accident
                return Duration.ofSeconds(4);
            }
        };
        String key = "refill:" + System.nanoTime();
        assertThat(limiterB.take(key, small).await().atMost(Duration.ofSeconds(2))).isZero();
        assertThat(limiterB.take(key, small).await().atMost(Duration.ofSeconds(2))).isZero();
        Duration wait = limiterB.take(key, small).await().atMost(Duration.ofSeconds(2));
        // one request refills in period / capacity = 2 s, less what the two takes took
        assertThat(wait).isGreaterThan(Duration.ofMillis(1000)).isLessThanOrEqualTo(Duration.ofMillis(2000));
        sleep(wait.toMillis() + 50);
        assertThat(limiterB.take(key, small).await().atMost(Duration.ofSeconds(2))).as("refilled").isZero();
        assertThat(limiterB.take(key, small).await().atMost(Duration.ofSeconds(2))).as("only one").isPositive();
    }

    /** Alternates A (over HTTP) and B until both refuse: what they allowed, together. */
    private int allowedAcrossBoth(String user) {
        String token = TestIdentityProvider.tokenFor(user).sign();
        int allowed = 0;
        for (int i = 0; i < 2 * SharedStoresProfile.USER_CAPACITY + 2; i++) {
            if (i % 2 == 0) {
                int status = send(token, operation("web", "AccountPage"), Map.of()).extract().statusCode();
                assertThat(status).isIn(200, 429);
                allowed += status == 200 ? 1 : 0;
            } else {
                allowed += limiterB.take("user:" + user, USER).await().atMost(Duration.ofSeconds(2)).isZero() ? 1 : 0;
            }
        }
        return allowed;
    }

    private static io.restassured.response.ValidatableResponse registerThroughA(String query) {
        return given().contentType("application/json").header("X-Client-Name", "web")
                .body(Map.of("query", query, "extensions",
                        Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(query)))))
                .post("/graphql").then();
    }

    private static io.restassured.response.ValidatableResponse byHashOnA(String hash) {
        return given().contentType("application/json").header("X-Client-Name", "web")
                .body(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
                .post("/graphql").then();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A limiter that waits at most 20 ms for Redis, then decides in-process. */
    private static RedisRateLimiter tightLimiter(RedisGuard guard) {
        return new RedisRateLimiter(client, guard, new StoreKeys(StoreKeys.DEFAULT_SECRET), Duration.ofMillis(20),
                new InProcessRateLimiter());
    }

    /** Redis runs one command at a time: while it sleeps {@code seconds} for {@code blocker}, it answers nobody. */
    private static void keepBusy(Redis blocker, String seconds) {
        blocker.send(io.vertx.mutiny.redis.client.Request.cmd(io.vertx.mutiny.redis.client.Command.DEBUG)
                .arg("SLEEP").arg(seconds)).subscribe().with(ignored -> { }, ignored -> { });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
