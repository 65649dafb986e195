package dev.facet.cache;

import static dev.facet.testing.Shop.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.facet.downstream.catalog.ProductDto;
import dev.facet.shared.RedisGuard;
import dev.facet.testing.EmbeddedRedis;
import dev.facet.testing.EmbeddedRedis.InjectRedis;
import dev.facet.testing.PublicDataInRedisProfile;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

/**
 * {@code facet.cache.store=redis} as configured: what Facet (instance A, over HTTP) fetched from the catalog is in
 * Redis, and a second instance's route on the same Redis (B, started by the test) finds it without asking.
 */
@QuarkusTest
@TestProfile(PublicDataInRedisProfile.class)
@WithTestResource(ShopServices.class)
@WithTestResource(EmbeddedRedis.class)
class PublicDataInRedisTests extends ShopTest {

    @InjectRedis
    EmbeddedRedis.Process redis;

    @Inject
    ObjectMapper json;

    @Inject
    PublicData publicData;

    @Test
    void aProductFacetFetchedIsFoundInRedisByAnotherInstance() throws InterruptedException {
        query("{ product(id: \"p160\") { name } }").statusCode(200).body("data.product.name", equalTo("Product 160"));

        Vertx vertx = Vertx.vertx();
        Redis client = Redis.createClient(vertx, redis.url());
        try {
            ProductDto found = null;
            for (int i = 0; i < 50 && found == null; i++) { // A stores without holding its answer back
                PublicRoute<ProductDto> instanceB = new PublicRoute<>("catalog.products", Duration.ofHours(1),
                        json.constructType(ProductDto.class), json, new AnswerCache(1 << 20),
                        new SharedAnswers(client, new RedisGuard(Duration.ofMillis(300)), Duration.ofMillis(500)));
                found = instanceB.one("p160",
                        () -> Uni.createFrom().<Fetched<ProductDto>>failure(new IllegalStateException("not in Redis"))).onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(2));
                if (found == null) {
                    Thread.sleep(20);
                }
            }
            assertThat(found).as("found in Redis").isNotNull();
            assertThat(found.name()).isEqualTo("Product 160");
            assertThat(publicData.sharedFallbacks()).isZero();
        } finally {
            client.close();
            vertx.closeAndAwait();
        }
    }
}
