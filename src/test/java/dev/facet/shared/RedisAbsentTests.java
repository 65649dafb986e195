package dev.facet.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ManagementPort;
import dev.facet.testing.MetricsScrape;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Redis configured but not there from the start (a port nobody listens on): Facet starts all the same, is ready,
 * answers, and decides every check itself, counting it.
 */
@QuarkusTest
@TestProfile(RedisAbsentTests.NobodyListening.class)
@WithTestResource(ShopServices.class)
class RedisAbsentTests extends ShopTest {

    public static class NobodyListening implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("quarkus.redis.hosts", "redis://localhost:" + socket.getLocalPort());
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }

    @Inject
    SharedStores stores;

    @Test
    void facetStartsIsReadyAndAnswersWithoutTheRedisItWasGiven() {
        assertThat(stores.guard().outage()).as("the start-up connection found nobody").isTrue();
        ManagementPort.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        long before = stores.guard().fallbacks("rate-limit");
        for (int i = 0; i < 5; i++) {
            given().contentType("application/json").header("X-Client-Name", "web")
                    .body(Map.of("query", "{ product(id: \"p2\") { name } }")).post("/graphql")
                    .then().statusCode(200).body("data.product.name", equalTo("Product 2"));
        }
        assertThat(stores.guard().fallbacks("rate-limit") - before).isEqualTo(5);
    }

    @Test
    void theFallbacksAndTheOutageAreMetrics() {
        given().contentType("application/json").header("X-Client-Name", "web")
                .body(Map.of("query", "{ product(id: \"p2\") { name } }")).post("/graphql").then().statusCode(200);
        String scrape = MetricsScrape.scrape();

        assertThat(scrape).contains("facet_redis_outage 1.0");
        assertThat((long) MetricsScrape.value(scrape, "facet_redis_fallbacks_total", "store=\"rate-limit\""))
                .isEqualTo(stores.guard().fallbacks("rate-limit")).isPositive();
    }
}
