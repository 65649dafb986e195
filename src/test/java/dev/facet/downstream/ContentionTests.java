package dev.facet.downstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static dev.facet.testing.Shop.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.facet.testing.ContentionProfile;
import dev.facet.testing.ManagementPort;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Many calls compete for one service: a burst of reads must not starve checkout, one request must not take a whole
 * bulkhead, retries must not multiply a failing service's load, and a bulkhead's refusals must not hide a broken
 * service from its breaker. Every claim is proven by the requests that reached WireMock. Limits come from
 * {@link ContentionProfile}, as configuration.
 */
@QuarkusTest
@TestProfile(ContentionProfile.class)
@WithTestResource(ShopServices.class)
class ContentionTests extends ShopTest {

    private static boolean warm;

    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    /**
     * A fresh JVM's first requests load and compile most of Facet (token verification included); on a busy machine
     * that can eat a request's whole deadline before its first call, which would fail whichever test comes first.
     */
    @BeforeEach
    void warmUp() {
        if (!warm) {
            String token = TestIdentityProvider.tokenFor("u99").sign();
            for (int i = 0; i < 3; i++) {
                query(operation("web", "ProductPage"), Map.of("id", "p6"));
                send(token, operation("web", "AccountPage"), Map.of());
                send(token, operation("web", "PlaceOrder"), Map.of("input", Map.of("idempotencyKey", "warm-up-" + i,
                        "lines", List.of(Map.of("productId", "p1", "quantity", 1)))));
            }
            ShopServices.reset(shop);
            warm = true;
        }
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writes have their own bulkhead
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void aFloodOfReadsCannotStarveCheckout() throws Exception {
        // The orders service's reads have one place and one queue slot: two slow account pages fill both.
        shop.stubFor(get(urlPathEqualTo("/orders/orders")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(1500)));
        String reader = TestIdentityProvider.tokenFor("u3").sign();
        List<Future<String>> reads = List.of(inBackground(() -> accountPage(reader)),
                inBackground(() -> accountPage(reader)));
        awaitRequests(getRequestedFor(urlPathEqualTo("/orders/orders")), 1);
        Thread.sleep(100); // the second read is in the queue by now

        // A third read is refused: the reads' bulkhead is full ...
        send(reader, operation("web", "AccountPage"), Map.of())
                .body("data.me.name", equalTo("User 3"))
                .body("data.me.orders", nullValue())
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"));
        // ... and an order still goes through, in the writes' own.
        send(TestIdentityProvider.tokenFor("u7").sign(), operation("web", "PlaceOrder"), Map.of("input",
                Map.of("idempotencyKey", "checkout-during-a-flood",
                        "lines", List.of(Map.of("productId", "p1", "quantity", 1)))))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.placeOrder.status", equalTo("PLACED"));
        for (Future<String> read : reads) {
            read.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void ordersBeyondTheWritesBulkheadAreUnavailableNotUnknown() throws Exception {
        // Writes have one place and one queue slot: of three orders at once, one is refused before it is sent.
        shop.stubFor(post(urlPathEqualTo("/orders/orders")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(400)));
        List<Future<String>> orders = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String token = TestIdentityProvider.tokenFor("u2" + n).sign();
            String key = "concurrent-checkout-" + n;
            orders.add(inBackground(() -> send(token, operation("web", "PlaceOrder"), Map.of("input",
                    Map.of("idempotencyKey", key, "lines", List.of(Map.of("productId", "p1", "quantity", 1)))))
                    .statusCode(200).extract().asString()));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> order : orders) {
            JsonPath answer = JsonPath.from(order.get(10, TimeUnit.SECONDS));
            outcomes.add(answer.getString("errors") == null ? answer.getString("data.placeOrder.status")
                    : answer.getString("errors[0].extensions.code"));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("PLACED", "PLACED", "DOWNSTREAM_UNAVAILABLE");
        assertThat(shop.findAll(postRequestedFor(urlPathEqualTo("/orders/orders")))).hasSize(2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // One request cannot take a service's whole bulkhead
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void aRequestWhoseFanOutExceedsTheBulkheadGetsItsAnswersAndLeavesRoomForOthers() throws Exception {
        // Reviews has 4 places and 1 queue slot; the reviews of 20 products are 20 calls (no batch form).
        shop.stubFor(get(urlPathEqualTo("/reviews/reviews")).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withFixedDelay(150)));
        Future<String> fanOut = inBackground(() -> query("""
                { products(category: "c1", first: 20) { edges { node { id reviews(first: 1) { rating } } } } }""")
                .statusCode(200).extract().asString());
        awaitRequests(getRequestedFor(urlPathEqualTo("/reviews/reviews")), 1);

        // An ordinary product page at the same time still gets its reviews ...
        query(operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.reviews", hasSize(5));
        // ... and the fan-out all of them, a few at a time.
        JsonPath answer = JsonPath.from(fanOut.get(10, TimeUnit.SECONDS));
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        assertThat(answer.getList("data.products.edges")).hasSize(20)
                .allSatisfy(edge -> assertThat(((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("reviews"))
                        .isNotNull());

        List<ServeEvent> calls = requests("/reviews/reviews");
        assertThat(calls).hasSize(21);
        assertThat(mostAtOnce(calls.stream().filter(call -> !call.getRequest().getUrl().contains("productId=p6"))
                .toList())).isLessThanOrEqualTo(ContentionProfile.MAX_CALLS_IN_FLIGHT_PER_REQUEST);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Retries are bounded
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void tooManyRequestsWithoutRetryAfterWaitsForTheBackoff() {
        for (String retryAfter : new String[] { null, "0" }) {
            ShopServices.reset(shop);
            var refusal = aResponse().withStatus(429);
            shop.stubFor(get(urlPathMatching("/catalog/products/.*")).atPriority(1)
                    .willReturn(retryAfter == null ? refusal : refusal.withHeader("Retry-After", retryAfter)));

            query("{ product(id: \"p6\") { name } }")
                    .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"));
            List<ServeEvent> calls = requests("/catalog/products/p6");
            assertThat(calls).hasSize(3);
            // the policy's backoff: 50 ms, then 100 ms (plus jitter), never at full speed
            assertThat(gapMillis(calls, 0)).as("Retry-After %s, first gap", retryAfter).isGreaterThanOrEqualTo(50);
            assertThat(gapMillis(calls, 1)).as("Retry-After %s, second gap", retryAfter).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void retriesAreBoundedByTheServicesRetryBudget() {
        // Accounts keeps asking to come back later. Its budget lets a tenth of its calls be retried, no more:
        // without it these 20 pages would send 60 requests.
        shop.stubFor(get(urlPathMatching("/accounts/users/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(429)));
        String token = TestIdentityProvider.tokenFor("u3").sign();
        for (int i = 0; i < 20; i++) {
            send(token, operation("web", "AccountPage"), Map.of())
                    .statusCode(200)
                    .body("data.me", nullValue())
                    .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"));
        }
        int retries = requests("/accounts/users/u3").size() - 20;
        // A tenth of these 20 calls, and of the few accounts calls earlier tests made in the budget's window.
        assertThat(retries).isBetween(1, 4);
    }

    @Test
    void callsTheBulkheadRefusesAreNeitherSuccessesNorFailuresForTheBreaker() throws Exception {
        // Recommendations is broken: every call fails after 150 ms. Its breaker opens when its last 4 calls all
        // failed. Three home screens at once: one call goes out, one waits for it, the third is refused. Were
        // refusals counted as successes, every window of 4 would hold one and the breaker would never open.
        shop.stubFor(get(urlPathEqualTo("/recommendations/recommendations")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withFixedDelay(150)));
        String token = TestIdentityProvider.tokenFor("u3").client(TestIdentityProvider.MOBILE).sign();

        for (int round = 0; round < 3 && !"OPEN".equals(breakerState("recommendations")); round++) {
            List<Future<String>> homes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                homes.add(inBackground(() -> send(token, operation("mobile", "Home"), Map.of())
                        .statusCode(200).extract().asString()));
            }
            for (Future<String> home : homes) {
                assertThat(JsonPath.from(home.get(10, TimeUnit.SECONDS)).getString("data.home.greeting"))
                        .isEqualTo("Hello, User 3");
            }
        }
        assertThat(breakerState("recommendations")).isEqualTo("OPEN");
        assertThat(requests("/recommendations/recommendations")).hasSizeLessThanOrEqualTo(4);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String accountPage(String token) {
        return send(token, operation("web", "AccountPage"), Map.of()).statusCode(200).extract().asString();
    }

    private <T> Future<T> inBackground(Supplier<T> call) {
        return callers.submit(call::get);
    }

    /** The requests to one path, oldest first. */
    private List<ServeEvent> requests(String path) {
        return shop.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().split("\\?")[0].equals(path))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    private static long gapMillis(List<ServeEvent> calls, int i) {
        return calls.get(i + 1).getRequest().getLoggedDate().getTime()
                - calls.get(i).getRequest().getLoggedDate().getTime();
    }

    /** The most of {@code calls} WireMock was serving at one moment. */
    private static int mostAtOnce(List<ServeEvent> calls) {
        int most = 0;
        for (ServeEvent call : calls) {
            long at = call.getRequest().getLoggedDate().getTime();
            int serving = (int) calls.stream().filter(other -> {
                long start = other.getRequest().getLoggedDate().getTime();
                return start <= at && at < start + other.getTiming().getTotalTime();
            }).count();
            most = Math.max(most, serving);
        }
        return most;
    }

    private static String breakerState(String service) {
        return JsonPath.from(ManagementPort.given().get("/q/health/ready").asString())
                .getString("checks.find { it.name == 'downstream' }.data." + service);
    }
}
