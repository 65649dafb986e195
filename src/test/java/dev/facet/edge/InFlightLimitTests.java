package dev.facet.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.facet.testing.InFlightProfile;
import dev.facet.testing.MetricsScrape;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * An instance holds at most {@code facet.limits.max-in-flight} requests: the next is refused at once with 503,
 * OVERLOADED and Retry-After, reaches no service, and a place is free again as soon as a request is answered.
 */
@QuarkusTest
@TestProfile(InFlightProfile.class)
@WithTestResource(ShopServices.class)
class InFlightLimitTests extends ShopTest {

    private static final String REQUESTS = "facet_graphql_requests_seconds_count";

    private final ExecutorService callers = Executors.newFixedThreadPool(InFlightProfile.MAX_IN_FLIGHT);

    @AfterEach
    void stopCallers() {
        shop.setGlobalFixedDelay(0);
        callers.shutdownNow();
    }

    @Test
    void aRequestBeyondTheLimitIsRefusedAtOnceAndThePlacesComeBack() throws Exception {
        query(operation("web", "ProductPage"), Map.of("id", "p6")).statusCode(200); // loads the path once
        ShopServices.reset(shop);
        String before = MetricsScrape.scrape();
        double refusedBefore = MetricsScrape.value(before, "facet_graphql_overloaded_total");
        shop.setGlobalFixedDelay(1_500);
        List<Future<Response>> slow = new ArrayList<>();
        for (int i = 0; i < InFlightProfile.MAX_IN_FLIGHT; i++) {
            slow.add(callers.submit(() -> given().header("X-Client-Name", "web").contentType("application/json")
                    .body(Map.of("query", operation("web", "ProductPage"), "variables", Map.of("id", "p6")))
                    .post("/graphql")));
        }
        awaitRequests(getRequestedFor(urlPathMatching("/catalog/products.*")), InFlightProfile.MAX_IN_FLIGHT);

        long started = System.nanoTime();
        Response refused = given().header("X-Client-Name", "web").contentType("application/json")
                .body(Map.of("query", operation("web", "ProductPage"), "variables", Map.of("id", "p6")))
                .post("/graphql");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        refused.then().body("errors[0].extensions.code", equalTo("OVERLOADED")).body("data", nullValue());
        assertThat(tookMs).as("refused without waiting for the requests in flight").isLessThan(1_000);
        for (Future<Response> answer : slow) {
            answer.get(10, TimeUnit.SECONDS).then().statusCode(200).body("errors", nullValue())
                    .body("data.product.id", equalTo("p6"));
        }
        assertThat(shop.findAll(getRequestedFor(urlPathMatching("/catalog/products.*"))))
                .as("the refused request called no service").hasSize(InFlightProfile.MAX_IN_FLIGHT);
        String after = MetricsScrape.scrape();
        assertThat(MetricsScrape.value(after, "facet_graphql_overloaded_total") - refusedBefore).isEqualTo(1.0);
        // refused before anything ran, as the README's outcome says: not an error of the service or of Facet
        assertThat(MetricsScrape.value(after, REQUESTS, "outcome=\"refused\"")
                - MetricsScrape.value(before, REQUESTS, "outcome=\"refused\"")).isEqualTo(1.0);
        assertThat(MetricsScrape.value(after, REQUESTS, "outcome=\"error\"")
                - MetricsScrape.value(before, REQUESTS, "outcome=\"error\"")).isZero();

        shop.setGlobalFixedDelay(0);
        for (int i = 0; i < InFlightProfile.MAX_IN_FLIGHT + 1; i++) {
            query(operation("web", "ProductPage"), Map.of("id", "p6")).statusCode(200)
                    .body("data.product.id", equalTo("p6"));
        }
    }
}
