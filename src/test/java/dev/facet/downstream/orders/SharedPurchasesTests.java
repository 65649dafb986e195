package dev.facet.downstream.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.facet.errors.ErrorCode;
import dev.facet.errors.PublicError;
import dev.facet.shared.RedisGuard;
import dev.facet.shared.SharedStores;
import dev.facet.shared.Store;
import dev.facet.testing.EmbeddedRedis;
import dev.facet.testing.EmbeddedRedis.InjectRedis;
import dev.facet.testing.SharedStoresProfile;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

/**
 * With Redis, an idempotency key is held for its cart by all instances: a client that retries through another
 * instance behind the load balancer with another cart is refused there too, before any call. Two instances: this
 * Quarkus app (A) and a store of its own started by the test on the same Redis (B). Redis killed: each instance
 * still refuses what it has seen itself, and counts the fallback. Users u41-u44: the profile's rate limit is 4
 * requests an hour per user, shared with SharedStoresTests through the same Redis.
 */
@QuarkusTest
@TestProfile(SharedStoresProfile.class)
@WithTestResource(ShopServices.class)
@WithTestResource(EmbeddedRedis.class)
class SharedPurchasesTests extends ShopTest {

    private static final List<Map<String, Object>> ONE_P1 = List.of(Map.of("productId", "p1", "quantity", 1));
    private static final List<NewOrderDto.Line> ONE_P1_LINE = List.of(new NewOrderDto.Line("p1", 1));
    private static final List<NewOrderDto.Line> TWO_P7_LINES = List.of(new NewOrderDto.Line("p7", 2));

    @InjectRedis
    EmbeddedRedis.Process redis;

    @Inject
    SharedStores instanceA;

    private static Vertx vertx;
    private static Redis client;
    private static Purchases instanceB;

    @BeforeEach
    void startInstanceB() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            client = Redis.createClient(vertx, redis.url());
            instanceB = new Purchases(settings(), client, new RedisGuard(Duration.ofMillis(300)),
                    instanceA.keys());
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
    void aKeyUsedThroughOneInstanceIsRefusedForAnotherCartThroughTheOther() {
        String token = TestIdentityProvider.tokenFor("u41").sign();
        send(token, operation("web", "PlaceOrder"), Map.of("input", Map.of("idempotencyKey", "shared-1", "lines", ONE_P1)))
                .statusCode(200).body("errors", nullValue()).body("data.placeOrder.status", equalTo("PLACED"));

        IdempotencyKey key = IdempotencyKey.of("u41", "shared-1");
        assertThatThrownBy(() -> instanceB.claim(key, TWO_P7_LINES).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(PublicError.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
        // the same cart again is the same purchase: a retry, which the orders service answers with its order
        assertThat(instanceB.claim(key, ONE_P1_LINE).await().atMost(Duration.ofSeconds(5)).key()).isEqualTo(key.id());
    }

    @Test
    void aKeyHeldByTheOtherInstanceForAnotherCartIsRefusedHereBeforeAnyCall() {
        instanceB.claim(IdempotencyKey.of("u42", "shared-2"), TWO_P7_LINES).await().atMost(Duration.ofSeconds(5));

        send(TestIdentityProvider.tokenFor("u42").sign(), operation("web", "PlaceOrder"),
                Map.of("input", Map.of("idempotencyKey", "shared-2", "lines", ONE_P1)))
                .statusCode(200).body("data.placeOrder", nullValue())
                .body("errors[0].extensions.code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(shop.findAll(postRequestedFor(urlPathEqualTo("/orders/orders")))).as("no order sent").isEmpty();
    }

    @Test
    void aRefusedOrderFreesItsKeyOnEveryInstance() {
        // the orders service refuses an unknown product: the order was not placed, and the key is free again
        send(TestIdentityProvider.tokenFor("u43").sign(), operation("web", "PlaceOrder"),
                Map.of("input", Map.of("idempotencyKey", "shared-3",
                        "lines", List.of(Map.of("productId", "p99999", "quantity", 1)))))
                .statusCode(200).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        IdempotencyKey key = IdempotencyKey.of("u43", "shared-3");
        assertThat(instanceB.claim(key, TWO_P7_LINES).await().atMost(Duration.ofSeconds(5)).key()).isEqualTo(key.id());
    }

    @Test
    void withRedisKilledEachInstanceStillRefusesWhatItHasSeenAndCountsTheFallback() throws InterruptedException {
        String token = TestIdentityProvider.tokenFor("u44").sign();
        long before = instanceA.guard().fallbacks(Purchases.STORE);
        redis.kill();
        try {
            send(token, operation("web", "PlaceOrder"),
                    Map.of("input", Map.of("idempotencyKey", "shared-4", "lines", ONE_P1)))
                    .statusCode(200).body("errors", nullValue()).body("data.placeOrder.status", equalTo("PLACED"));
            send(token, operation("web", "PlaceOrder"), Map.of("input", Map.of("idempotencyKey", "shared-4",
                    "lines", List.of(Map.of("productId", "p7", "quantity", 2)))))
                    .statusCode(200).body("errors[0].extensions.code", equalTo("IDEMPOTENCY_KEY_REUSED"));
            assertThat(instanceA.guard().fallbacks(Purchases.STORE)).isGreaterThan(before);
        } finally {
            redis.start();
        }
        Thread.sleep(400); // past the retry interval: the next claim finds Redis again
        send(token, operation("web", "PlaceOrder"), Map.of("input", Map.of("idempotencyKey", "shared-5", "lines", ONE_P1)))
                .statusCode(200).body("errors", nullValue());
        assertThat(instanceA.guard().outage()).isFalse();
    }

    private static OrdersSettings settings() {
        return new OrdersSettings() {
            @Override
            public IdempotencyKeys idempotencyKeys() {
                return new IdempotencyKeys() {
                    @Override
                    public Optional<Store> store() {
                        return Optional.of(Store.REDIS);
                    }

                    @Override
                    public Duration redisTimeout() {
                        return Duration.ofMillis(500);
                    }

                    @Override
                    public long maxSize() {
                        return 1000;
                    }

                    @Override
                    public Duration expireAfter() {
                        return Duration.ofHours(1);
                    }
                };
            }
        };
    }
}
