package dev.facet.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static dev.facet.testing.Shop.send;
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

import dev.facet.testing.ExecutingProfile;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * At most {@code facet.limits.max-executing-queries} queries execute at once: the next ones wait their turn, first
 * come first served, and are answered in full — not refused — while a mutation never waits behind queries.
 */
@QuarkusTest
@TestProfile(ExecutingProfile.class)
@WithTestResource(ShopServices.class)
class ExecutingQueriesTests extends ShopTest {

    private static final int QUERIES = 2 * ExecutingProfile.MAX_EXECUTING;

    private final ExecutorService callers = Executors.newFixedThreadPool(QUERIES);

    @AfterEach
    void stopCallers() throws InterruptedException {
        shop.setGlobalFixedDelay(0);
        callers.shutdownNow();
        callers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void queriesBeyondTheLimitWaitTheirTurnAndAreAllAnswered() throws Exception {
        query(operation("web", "ProductPage"), Map.of("id", "p6")).statusCode(200); // loads the path once
        ShopServices.reset(shop);
        shop.setGlobalFixedDelay(1_000);

        List<Future<Response>> pages = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            pages.add(callers.submit(ExecutingQueriesTests::productPage));
        }
        awaitRequests(getRequestedFor(urlPathMatching("/catalog/products.*")), ExecutingProfile.MAX_EXECUTING);
        Thread.sleep(500); // each page's first call takes 1 s: nothing has ended yet
        assertThat(shop.findAll(getRequestedFor(urlPathMatching("/catalog/products.*"))))
                .as("the other queries wait before they call anything").hasSize(ExecutingProfile.MAX_EXECUTING);

        for (Future<Response> page : pages) {
            page.get(30, TimeUnit.SECONDS).then().statusCode(200).body("errors", nullValue())
                    .body("data.product.id", equalTo("p6"));
        }
        assertThat(shop.findAll(getRequestedFor(urlPathMatching("/catalog/products.*")))).hasSize(QUERIES);
    }

    @Test
    void aMutationDoesNotWaitBehindQueries() throws Exception {
        query(operation("web", "ProductPage"), Map.of("id", "p6")).statusCode(200);
        ShopServices.reset(shop);
        shop.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/catalog/.*")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(3_000)));

        List<Future<Response>> pages = new ArrayList<>();
        for (int i = 0; i < ExecutingProfile.MAX_EXECUTING; i++) {
            pages.add(callers.submit(ExecutingQueriesTests::productPage));
        }
        awaitRequests(getRequestedFor(urlPathMatching("/catalog/products.*")), ExecutingProfile.MAX_EXECUTING);

        send(TestIdentityProvider.tokenFor("u46").sign(), operation("web", "PlaceOrder"), Map.of("input",
                Map.of("idempotencyKey", "not-behind-queries", "lines", List.of(Map.of("productId", "p1", "quantity", 1)))))
                .statusCode(200).body("errors", nullValue()).body("data.placeOrder.status", equalTo("PLACED"));
        assertThat(pages).as("the order was placed while every query slot was taken").noneMatch(Future::isDone);

        for (Future<Response> page : pages) {
            page.get(30, TimeUnit.SECONDS).then().statusCode(200).body("data.product.id", equalTo("p6"));
        }
    }

    private static Response productPage() {
        return given().header("X-Client-Name", "web").contentType("application/json")
                .body(Map.of("query", operation("web", "ProductPage"), "variables", Map.of("id", "p6")))
                .post("/graphql");
    }
}
