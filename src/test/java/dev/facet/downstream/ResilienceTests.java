package dev.facet.downstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.facet.testing.Shop.assertLeaksNothing;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static dev.facet.testing.Shop.queryAs;
import static dev.facet.testing.Shop.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import dev.facet.testing.ManagementPort;
import dev.facet.testing.MetricsScrape;
import dev.facet.testing.ResilienceProfile;
import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Services fail one by one, slow down and come back; Facet keeps answering with what the others give, within the
 * request's deadline, and nothing internal reaches a client. Faults are injected into real HTTP (WireMock), and
 * every claim about retries, breakers and bulkheads is proven by the requests that did or did not reach a service.
 * Policies come from {@link ResilienceProfile}, as configuration.
 */
@QuarkusTest
@TestProfile(ResilienceProfile.class)
@WithTestResource(ShopServices.class)
class ResilienceTests extends ShopTest {

    /** Attempts per call with the default policy: the first and two retries. */
    private static final int ATTEMPTS = 3;

    private static boolean warm;

    /**
     * A fresh JVM's first requests load and compile most of Facet; on a busy machine they can take longer than this
     * profile's 1.5 s deadline, which would fail whichever test comes first for a reason it does not test.
     */
    @BeforeEach
    void warmUp() {
        if (!warm) {
            for (int i = 0; i < 3; i++) {
                productPage("p6");
                productDetail("p6");
                send(TestIdentityProvider.tokenFor("u3").sign(), operation("web", "AccountPage"), Map.of());
            }
            ShopServices.reset(shop);
            warm = true;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Retries: transient failures only, within the deadline
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void serverErrorIsRetriedAndTheRetryAnswers() {
        failOnce(get(urlPathEqualTo("/inventory/stock")), aResponse().withStatus(503));

        productPage("p6")
                .body("errors", nullValue())
                .body("data.product.stock.available", equalTo(28));
        assertThat(requests("/inventory/stock")).hasSize(2);
    }

    @Test
    void serverErrorThatPersistsCostsOnlyThatServicesFieldsAfterTheRetries() {
        shop.stubFor(get(urlPathEqualTo("/inventory/stock")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"db down at 10.1.2.3:5432\"}")));

        String body = productPage("p6")
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.price.formatted", equalTo("€3.22"))
                .body("data.product.category.name", equalTo("Category 6"))
                .body("data.product.rating.count", equalTo(6))
                .body("data.product.reviews", hasSize(5))
                .body("data.product.stock", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("product", "stock"))
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertThat(requests("/inventory/stock")).hasSize(ATTEMPTS);
        assertLeaksNothing(body, shop);
        assertThat(body).doesNotContain("10.1.2.3").doesNotContain("db down");
    }

    @Test
    void brokenConnectionIsRetried() {
        shop.stubFor(get(urlPathEqualTo("/reviews/reviews")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String body = productPage("p6")
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.reviews", nullValue())
                .body("errors[0].path", contains("product", "reviews"))
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertThat(requests("/reviews/reviews")).hasSize(ATTEMPTS);
        assertLeaksNothing(body, shop);
    }

    @Test
    void clientErrorIsNeverRetried() {
        shop.stubFor(get(urlPathEqualTo("/reviews/reviews")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad_limit\"}")));

        String body = productPage("p6")
                .body("data.product.reviews", nullValue())
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertThat(requests("/reviews/reviews")).hasSize(1);
        assertLeaksNothing(body, shop);
    }

    @Test
    void unknownProductIsAnAnswerNotAFailure() {
        productPage("p99999").body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        assertThat(requests("/catalog/products/p99999")).hasSize(1);
    }

    @Test
    void unreadableAnswerIsNotRetried() {
        shop.stubFor(get(urlPathEqualTo("/reviews/ratings")).atPriority(1)
                .willReturn(okJson("{\"productId\": \"p6\", \"average\": ")));

        String body = productPage("p6")
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.rating", nullValue())
                .body("errors[0].path", contains("product", "rating"))
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                .extract().asString();
        // The same request would get the same answer: asking again only doubles the load.
        assertThat(requests("/reviews/ratings")).hasSize(1);
        assertLeaksNothing(body, shop);
    }

    @Test
    void slowAttemptTimesOutAndIsRetried() {
        // Inventory gives an attempt 300 ms; this one would answer after 3 s, well past the request's deadline.
        shop.stubFor(get(urlPathEqualTo("/inventory/stock")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(3000)));
        double timeoutsBefore = MetricsScrape.value(MetricsScrape.scrape(), "facet_downstream_calls_seconds_count",
                "service=\"inventory\"", "outcome=\"timeout\"");

        String body = queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p6"))
                .statusCode(200)
                .body("data.productCard.title", equalTo("Product 6"))
                .body("data.productCard.ratingAverage", notNullValue())
                .body("data.productCard.inStock", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("productCard", "inStock"))
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_TIMEOUT"))
                .extract().asString();
        // A request that waited for every attempt to run into the 3 s answer could not have made three of them.
        assertThat(requests("/inventory/stock")).hasSize(ATTEMPTS);
        assertLeaksNothing(body, shop);
        // one sample per attempt, each a timeout
        assertThat(MetricsScrape.value(MetricsScrape.scrape(), "facet_downstream_calls_seconds_count",
                "service=\"inventory\"", "outcome=\"timeout\"") - timeoutsBefore).isEqualTo(ATTEMPTS);
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheWaitTheServiceAsksFor() {
        failOnce(get(urlPathEqualTo("/reviews/ratings")),
                aResponse().withStatus(429).withHeader("Retry-After", "1"));

        productPage("p6")
                .body("errors", nullValue())
                .body("data.product.rating.count", equalTo(6));
        List<ServeEvent> calls = requests("/reviews/ratings");
        assertThat(calls).hasSize(2);
        // The retry left no sooner than the service asked: compare when the service saw each attempt.
        long first = calls.get(0).getRequest().getLoggedDate().getTime();
        long second = calls.get(1).getRequest().getLoggedDate().getTime();
        assertThat(Math.abs(second - first)).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void retryAfterLongerThanTheRequestCanWaitFailsAtOnce() {
        shop.stubFor(get(urlPathEqualTo("/reviews/ratings")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));

        String body = productPage("p6")
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.reviews", hasSize(5))
                .body("data.product.rating", nullValue())
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertThat(requests("/reviews/ratings")).hasSize(1);
        assertLeaksNothing(body, shop);
    }

    @Test
    void retriesCarryTheCallersToken() {
        failOnce(get(urlPathEqualTo("/orders/orders")), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        String token = TestIdentityProvider.tokenFor("u3").sign();

        send(token, operation("web", "AccountPage"), Map.of())
                .body("errors", nullValue())
                .body("data.me.orders", hasSize(3));
        List<ServeEvent> calls = requests("/orders/orders");
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> assertThat(call.getRequest().getHeader("Authorization"))
                .isEqualTo("Bearer " + token));
    }

    @Test
    void placeOrderRetriedAfterALostAnswerSendsTheSameKeyAndBuysOnce() {
        // The orders service places the order but its answer comes too late (orders gives an attempt 1 s).
        failOnce(post(urlPathEqualTo("/orders/orders")), ShopServices.theShopsAnswer().withFixedDelay(1200));
        String token = TestIdentityProvider.tokenFor("u7").sign();
        Map<String, Object> input = Map.of("idempotencyKey", "checkout-u7-1",
                "lines", List.of(Map.of("productId", "p1", "quantity", 2)));

        String orderId = send(token, operation("web", "PlaceOrder"), Map.of("input", input))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.placeOrder.status", equalTo("PLACED"))
                .extract().path("data.placeOrder.id");

        // Every attempt carries the same key: the digest of the user and the key the client chose.
        assertThat(shop.findAll(postRequestedFor(urlPathEqualTo("/orders/orders")))).hasSize(2)
                .extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(sha256("u7\ncheckout-u7-1"));
        // u7 had 7 % 4 = 3 orders; the two attempts made one more, the one the client got.
        JsonPath orders = JsonPath.from(given().baseUri("http://localhost:" + shop.port())
                .get("/orders/orders?userId=u7&limit=10").asString());
        assertThat(orders.getList("id")).hasSize(4).first().isEqualTo(orderId);
    }

    @Test
    void placeOrderThatGetsNoAnswerInTimeHasAnUnknownOutcomeAndTheSameKeyFindsTheOrder() {
        // The orders service places the order at once but answers after 5 s: the first attempt times out after
        // orders' 1 s, the retry is cut by the request's 1.5 s deadline. The order exists; Facet cannot know.
        StubMapping slow = shop.stubFor(post(urlPathEqualTo("/orders/orders")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(5000)));
        String token = TestIdentityProvider.tokenFor("u11").sign();
        Map<String, Object> input = Map.of("idempotencyKey", "checkout-u11-1",
                "lines", List.of(Map.of("productId", "p1", "quantity", 1)));

        String body = send(token, operation("web", "PlaceOrder"), Map.of("input", input))
                .statusCode(200)
                .body("data.placeOrder", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("placeOrder"))
                .body("errors[0].extensions.code", equalTo("ORDER_OUTCOME_UNKNOWN"))
                .extract().asString();
        assertThat(JsonPath.from(body).getString("errors[0].message")).contains("same idempotencyKey");
        assertLeaksNothing(body, shop);

        // Retrying as the message says returns the order that was placed, and buys nothing more.
        shop.removeStub(slow);
        String orderId = send(token, operation("web", "PlaceOrder"), Map.of("input", input))
                .body("errors", nullValue())
                .extract().path("data.placeOrder.id");
        JsonPath orders = JsonPath.from(given().baseUri("http://localhost:" + shop.port())
                .get("/orders/orders?userId=u11&limit=10").asString());
        // u11 had 11 % 4 = 3 orders before
        assertThat(orders.getList("id")).hasSize(4).first().isEqualTo(orderId);
    }

    @Test
    void placeOrderWhoseConnectionBreaksAfterSendingHasAnUnknownOutcome() {
        shop.stubFor(post(urlPathEqualTo("/orders/orders")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String token = TestIdentityProvider.tokenFor("u12").sign();
        Map<String, Object> input = Map.of("idempotencyKey", "checkout-u12-1",
                "lines", List.of(Map.of("productId", "p1", "quantity", 1)));

        String body = send(token, operation("web", "PlaceOrder"), Map.of("input", input))
                .statusCode(200)
                .body("data.placeOrder", nullValue())
                .body("errors[0].extensions.code", equalTo("ORDER_OUTCOME_UNKNOWN"))
                .extract().asString();
        assertLeaksNothing(body, shop);
        // retried with the same key, which makes a retry safe
        assertThat(shop.findAll(postRequestedFor(urlPathEqualTo("/orders/orders")))).hasSize(ATTEMPTS);
    }

    @Test
    void placeOrderTheServiceRefusedToProcessIsUnavailableNotUnknown() {
        // A 503 asking to come back in 30 s: the service did not take the order, and the request cannot wait.
        shop.stubFor(post(urlPathEqualTo("/orders/orders")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
        String token = TestIdentityProvider.tokenFor("u12").sign();
        Map<String, Object> input = Map.of("idempotencyKey", "checkout-u12-2",
                "lines", List.of(Map.of("productId", "p1", "quantity", 1)));

        send(token, operation("web", "PlaceOrder"), Map.of("input", input))
                .statusCode(200)
                .body("data.placeOrder", nullValue())
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"));
        assertThat(shop.findAll(postRequestedFor(urlPathEqualTo("/orders/orders")))).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Circuit breakers: one per service, opened only by failures that say the service is broken
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void breakerOpensAfterItsVolumeStopsCallingAndRecoversAfterItsDelay() throws InterruptedException {
        StubMapping down = shop.stubFor(get(urlPathEqualTo("/reviews/ratings")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));

        // reviews' breaker looks at its last 4 calls and opens at half of them failing.
        for (int i = 0; i < 5 && !"OPEN".equals(breakerState("reviews")); i++) {
            productDetail("p6").body("data.productCard.ratingAverage", nullValue());
        }
        assertThat(breakerState("reviews")).isEqualTo("OPEN");
        assertThat(requests("/reviews/ratings")).hasSizeLessThanOrEqualTo(4 + ATTEMPTS);
        int callsWhenOpened = requests("/reviews/ratings").size();
        String metrics = MetricsScrape.scrape();
        // what a dashboard shows: the breaker open, and the attempts it refused as rejected, not as errors
        assertThat(MetricsScrape.value(metrics, "facet_downstream_breaker_state", "service=\"reviews\"")).isEqualTo(1.0);
        double rejectedBefore = MetricsScrape.value(metrics, "facet_downstream_calls_seconds_count",
                "service=\"reviews\"", "outcome=\"rejected\"");

        for (int i = 0; i < 3; i++) {
            String body = productDetail("p6")
                    .body("data.productCard.title", equalTo("Product 6"))
                    .body("data.productCard.inStock", equalTo(true))
                    .body("data.productCard.ratingAverage", nullValue())
                    .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                    .extract().asString();
            assertLeaksNothing(body, shop);
        }
        assertThat(requests("/reviews/ratings")).as("an open breaker spares the service").hasSize(callsWhenOpened);
        assertThat(MetricsScrape.value(MetricsScrape.scrape(), "facet_downstream_calls_seconds_count",
                "service=\"reviews\"", "outcome=\"rejected\"") - rejectedBefore).isGreaterThanOrEqualTo(3.0);
        // One service's trouble opens no other breaker.
        assertThat(breakerState("catalog")).isEqualTo("CLOSED");
        assertThat(breakerState("inventory")).isEqualTo("CLOSED");

        shop.removeStub(down);
        Thread.sleep(ResilienceProfile.BREAKER_DELAY_MS + 200L);
        productDetail("p6")
                .body("errors", nullValue())
                .body("data.productCard.ratingAverage", equalTo(3.0f));
        assertThat(requests("/reviews/ratings")).hasSize(callsWhenOpened + 1);
        assertThat(breakerState("reviews")).isEqualTo("CLOSED");
        assertThat(MetricsScrape.value(MetricsScrape.scrape(), "facet_downstream_breaker_state", "service=\"reviews\""))
                .isEqualTo(0.0);
    }

    @Test
    void notFoundAnswersNeverOpenTheBreaker() {
        // catalog's breaker, like reviews', would open after 4 failures out of its last 4 calls.
        for (int i = 0; i < 8; i++) {
            productDetail("p99999").body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        }
        assertThat(breakerState("catalog")).isEqualTo("CLOSED");
        productDetail("p6").body("errors", nullValue()).body("data.productCard.title", equalTo("Product 6"));
    }

    @Test
    void readinessStaysUpWhileAServiceIsDownAndShowsItsBreaker() {
        shop.stubFor(get(urlPathEqualTo("/reviews/ratings")).atPriority(1).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 5 && !"OPEN".equals(breakerState("reviews")); i++) {
            productDetail("p6");
        }

        ManagementPort.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'downstream' }.data.reviews", equalTo("OPEN"))
                .body("checks.find { it.name == 'downstream' }.data.catalog", equalTo("CLOSED"));
        ManagementPort.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bulkheads and the request deadline
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void bulkheadRefusesCallsBeyondItsLimitAtOnce() {
        // recommendations lets one call in at a time and queues one more. Three lists of different sizes are three
        // calls, all started in the same pass: one goes out, one waits for it, the third is refused.
        shop.stubFor(get(urlPathEqualTo("/recommendations/recommendations")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(300)));
        String token = TestIdentityProvider.tokenFor("u3").sign();

        String body = send(token, """
                { me { name a: recommendations(first: 3) { id } b: recommendations(first: 4) { id }
                       c: recommendations(first: 5) { id } } }""", Map.of())
                .statusCode(200)
                .body("data.me.name", equalTo("User 3"))
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertLeaksNothing(body, shop);

        JsonPath answer = JsonPath.from(body);
        String refused = (String) answer.getList("errors[0].path").get(1);
        for (String alias : List.of("a", "b", "c")) {
            if (alias.equals(refused)) {
                assertThat(answer.getList("data.me." + alias)).as(alias).isNull();
            } else {
                assertThat(answer.getList("data.me." + alias)).as(alias).isNotEmpty();
            }
        }
        assertThat(requests("/recommendations/recommendations")).as("the refused call never left").hasSize(2);
    }

    @Test
    void callsTheDeadlineCutFreeTheirPlaceInTheBulkhead() {
        // recommendations has one place and one queue slot. A hanging answer holds the place until the deadline
        // gives up on it; if giving up did not free the place, every later call would wait in vain.
        StubMapping hanging = shop.stubFor(get(urlPathEqualTo("/recommendations/recommendations")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(5000)));
        String token = TestIdentityProvider.tokenFor("u3").sign();
        send(token, operation("web", "AccountPage"), Map.of())
                .body("data.me.recommendations", nullValue())
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_TIMEOUT"));

        shop.removeStub(hanging);
        for (int i = 0; i < 3; i++) {
            send(token, operation("web", "AccountPage"), Map.of())
                    .body("errors", nullValue())
                    .body("data.me.recommendations", hasSize(8));
        }
    }

    @Test
    void deadlineBoundsAChainOfSlowLevels() {
        // Each level alone answers within its attempt's 1 s, but orders (800 ms) then the products of their lines
        // (900 ms) need 1.7 s together: more than the request's 1.5 s. Only the deadline can fail the second level.
        shop.stubFor(get(urlPathEqualTo("/orders/orders")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(800)));
        shop.stubFor(get(urlPathEqualTo("/catalog/products")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(900)));
        String token = TestIdentityProvider.tokenFor("u3").sign();

        String body = send(token, operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("data.me.name", equalTo("User 3"))
                .body("data.me.recommendations", hasSize(8))
                .body("data.me.orders", hasSize(3))
                .body("data.me.orders[0].id", equalTo("o3-3"))
                .body("data.me.orders.lines.flatten().product", everyItem(nullValue()))
                .body("errors.extensions.code", everyItem(equalTo("DOWNSTREAM_TIMEOUT")))
                .extract().asString();
        assertThat(JsonPath.from(body).getList("errors.path")).isNotEmpty()
                .allSatisfy(path -> assertThat(String.valueOf(path)).startsWith("[me, orders, "));
        // The lines' products were asked for once: a call the deadline cut is not retried.
        assertThat(requests("/catalog/products")).hasSize(2);
        assertLeaksNothing(body, shop);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Any one service dead: every registered operation still answers with what the others give
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyOperationAnswersWithAnyOneServiceDead() {
        String token = TestIdentityProvider.tokenFor("u3").sign();
        String mobileToken = TestIdentityProvider.tokenFor("u3").client(TestIdentityProvider.MOBILE).sign();
        Map<String, Object> order = Map.of("idempotencyKey", "dead-service-check",
                "lines", List.of(Map.of("productId", "p1", "quantity", 1)));
        for (String dead : ServiceGuards.SERVICES) {
            ShopServices.reset(shop);
            shop.stubFor(any(urlPathMatching("/" + dead + "/.*")).atPriority(1)
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            answersWithout(dead, "product", "catalog",
                    query(operation("web", "ProductPage"), Map.of("id", "p6")));
            answersWithout(dead, "products", "catalog",
                    query(operation("web", "CategoryPage"), Map.of("category", "c1")));
            answersWithout(dead, "me", "accounts", send(token, operation("web", "AccountPage"), Map.of()));
            answersWithout(dead, "placeOrder", "orders",
                    send(token, operation("web", "PlaceOrder"), Map.of("input", order)));
            answersWithout(dead, "home", null, send(mobileToken, operation("mobile", "Home"), Map.of()));
            answersWithout(dead, "productCard", "catalog",
                    queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p6")));
        }
    }

    /** The root is there unless its own service is the dead one, and every error names the dead service's kind. */
    private void answersWithout(String dead, String root, String rootService,
            ValidatableResponse response) {
        String body = response.statusCode(200).extract().asString();
        JsonPath answer = JsonPath.from(body);
        String where = dead + " dead, " + root + ": " + body;
        if (dead.equals(rootService)) {
            assertThat(answer.getMap("data")).as(where).containsEntry(root, null);
        } else {
            assertThat(answer.getMap("data." + root)).as(where).isNotNull();
        }
        List<String> codes = answer.getList("errors.extensions.code");
        if (codes != null && "placeOrder".equals(root) && "orders".equals(dead)) {
            // The connection broke after the order was sent: it may have been placed.
            assertThat(codes).as(where).containsOnly("ORDER_OUTCOME_UNKNOWN");
        } else if (codes != null) {
            assertThat(codes).as(where).containsOnly("DOWNSTREAM_UNAVAILABLE");
        }
        assertLeaksNothing(body, shop);
    }

    // ---------------------------------------------------------------------------------------------------------

    private ValidatableResponse productPage(String id) {
        return query(operation("web", "ProductPage"), Map.of("id", id)).statusCode(200);
    }

    private ValidatableResponse productDetail(String id) {
        return queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", id)).statusCode(200);
    }

    /** The first matching request gets {@code failure}; every later one the shop's own answer. */
    private void failOnce(MappingBuilder request,
            ResponseDefinitionBuilder failure) {
        shop.stubFor(request.atPriority(1).inScenario("fails once").whenScenarioStateIs(STARTED)
                .willReturn(failure).willSetStateTo("recovered"));
    }

    /** The requests to one path, oldest first. */
    private List<ServeEvent> requests(String path) {
        return shop.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().split("\\?")[0].equals(path))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String breakerState(String service) {
        return JsonPath.from(ManagementPort.given().get("/q/health/ready").asString())
                .getString("checks.find { it.name == 'downstream' }.data." + service);
    }
}
