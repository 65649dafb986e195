package dev.facet.downstream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.queryAs;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * A service that stops answering in the middle of a call does not keep Facet's connection to it: when the attempt's
 * time is up the call is cancelled and its connection closed, so the next call to the service gets a connection at
 * once — well before the answer would have come. With one connection per event loop to inventory, an answer that kept
 * its connection would make every later call on that loop wait for it, and time out.
 */
@QuarkusTest
@TestProfile(HangingServiceTests.OneConnection.class)
@WithTestResource(ShopServices.class)
class HangingServiceTests extends ShopTest {

    private static final int EVENT_LOOPS = 2;
    /** Requests per phase: each event loop serves two (a new connection per request, handed out in turn). */
    private static final int REQUESTS = 2 * EVENT_LOOPS;

    /** One connection to inventory per event loop, an attempt of 300 ms and no retry. Public: Quarkus makes it. */
    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.vertx.event-loops-pool-size", String.valueOf(EVENT_LOOPS),
                    "quarkus.rest-client.inventory.connection-pool-size", "1",
                    "facet.downstream.services.inventory.timeout", "300ms",
                    "facet.downstream.services.inventory.retry.max-retries", "0");
        }
    }

    @Test
    void aHangingAnswerGivesItsConnectionBackWhenTheAttemptTimesOut() {
        // answers after 8 s: long after this test is over, if its connections are closed as they should be
        StubMapping hanging = shop.stubFor(get(urlPathEqualTo("/inventory/stock")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(8_000)));
        for (int i = 0; i < REQUESTS; i++) {
            productDetail().body("data.productCard.title", equalTo("Product 6"))
                    .body("errors[0].extensions.code", equalTo("DOWNSTREAM_TIMEOUT"));
        }

        shop.removeStub(hanging);

        for (int i = 0; i < REQUESTS; i++) {
            productDetail().body("errors", nullValue()).body("data.productCard.inStock", notNullValue());
        }
    }

    private static ValidatableResponse productDetail() {
        return queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p6")).statusCode(200);
    }
}
