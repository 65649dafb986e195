package dev.facet.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static dev.facet.testing.Shop.queryAs;
import static dev.facet.testing.Shop.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.common.Timing;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Calls that need only what the query already gives (an id from the arguments or the token) go out together, and
 * calls that need another call's answer go out after it. Proven by order and overlap, never by how long anything
 * took: every service holds its answer for a while, and WireMock's journal tells when each request arrived and when
 * its answer left. Requests that all arrived before any of them was answered were in flight at the same time.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class ParallelismTests extends ShopTest {

    /** Long enough that calls started together clearly overlap; only ever compared to other timestamps. */
    private static final int DELAY_MS = 400;

    /** A service slower than the others, yet within the 1 s a default policy gives an attempt. */
    private static final int SLOW_MS = 2 * DELAY_MS;

    /** Marks the requests {@link #slowDown} relays to the shop's data, so that only Facet's own calls are read. */
    private static final String RELAYED = "X-Shop-Relayed";


    @Test
    void productPageStartsProductStockRatingReviewsAndCategoriesTogether() {
        List<Call> calls = timed(() -> productPage("p6"));

        // None of them needs the catalog's answer: product(id) starts them all with the product.
        assertInFlightTogether(calls, "/catalog/products/p6", "/catalog/categories", "/inventory/stock",
                "/reviews/ratings", "/reviews/reviews");
    }

    @Test
    void productPageAsksForReviewAuthorsOnlyOnceTheReviewsAreAnswered() {
        List<Call> calls = timed(() -> productPage("p6"));

        // The author ids are in the reviews' answer: the accounts call cannot start before it.
        assertStartsAfterAnswerOf(calls, "/accounts/users?ids=", "/reviews/reviews");
    }

    @Test
    void accountPageStartsAccountOrdersAndRecommendationsTogether() {
        List<Call> calls = timed(this::accountPage);

        // me.orders and me.recommendations need only the user id from the token, not the accounts answer.
        assertInFlightTogether(calls, "/accounts/users/u3", "/orders/orders", "/recommendations/recommendations");
        assertStartsAfterAnswerOf(calls, "/catalog/products?ids=p94", "/recommendations/recommendations");
    }

    @Test
    void accountPageReadsRecommendedProductsAndRatingsWithoutWaitingForTheAccount() {
        // A slow accounts service: the recommended products and their ratings need only the recommendations'
        // answer, so they must go out while the account is still being read.
        List<Call> calls = timed(this::accountPage, Map.of("accounts", SLOW_MS));

        assertStartsAfterAnswerOf(calls, "/catalog/products?ids=p94", "/recommendations/recommendations");
        assertStartsAfterAnswerOf(calls, "/reviews/ratings", "/recommendations/recommendations");
        assertInFlightTogether(calls, "/accounts/users/u3", "/catalog/products?ids=p94", "/reviews/ratings");
    }

    @Test
    void accountPageReadsOrderLineProductsOnceTheOrdersAreAnsweredWithoutWaitingForAnythingElse() {
        // The line products' ids are in the orders' answer, and in nothing else: with the account and the
        // recommendations slow, the line products must go out while both are still being read.
        List<Call> calls = timed(this::accountPage, Map.of("accounts", SLOW_MS, "recommendations", SLOW_MS));

        assertStartsAfterAnswerOf(calls, "/catalog/products?ids=p10", "/orders/orders");
        assertInFlightTogether(calls, "/catalog/products?ids=p10", "/accounts/users/u3",
                "/recommendations/recommendations");
    }

    @Test
    void homeStartsAccountOrdersAndRecommendationsTogether() {
        List<Call> calls = timed(this::home);

        assertInFlightTogether(calls, "/accounts/users/u3", "/orders/orders", "/recommendations/recommendations");
        // The recommended products' ids are in the recommendations' answer.
        assertStartsAfterAnswerOf(calls, "/catalog/products?ids=", "/recommendations/recommendations");
    }

    @Test
    void homeAsksForTheStockOfRecommendedProductsWithoutWaitingForTheCatalog() {
        // inStock needs only the recommended ids, which the recommendations answer: with a slow catalog, the stock
        // must be asked for while the recommended products are still being read, as AccountPage does for ratings.
        List<Call> calls = timed(this::home, Map.of("catalog", SLOW_MS));

        assertStartsAfterAnswerOf(calls, "/inventory/stock", "/recommendations/recommendations");
        assertInFlightTogether(calls, "/inventory/stock", "/catalog/products?ids=");
    }

    @Test
    void childrenSelectedThroughFragmentsStartWithTheProduct() {
        List<Call> calls = timed(() -> query("""
                query ($id: ID!) { product(id: $id) { ...Card ... on Product { rating { average } } } }
                fragment Card on Product { name ...Stock }
                fragment Stock on Product { stock { available } }""", Map.of("id", "p6"))
                .statusCode(200).body("errors", nullValue()));

        assertInFlightTogether(calls, "/catalog/products/p6", "/inventory/stock", "/reviews/ratings");
    }

    @Test
    void productDetailStartsProductStockAndRatingTogether() {
        List<Call> calls = timed(() -> queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p6"))
                .statusCode(200).body("errors", nullValue()));

        assertInFlightTogether(calls, "/catalog/products/p6", "/inventory/stock", "/reviews/ratings");
    }

    @Test
    void categoryPageAsksForStockAndRatingsTogetherOnceThePageIsAnswered() {
        List<Call> calls = timed(() -> query(operation("web", "CategoryPage"), Map.of("category", "c3"))
                .statusCode(200).body("errors", nullValue()));

        // The product ids come with the page; then stock and ratings need nothing from each other.
        assertStartsAfterAnswerOf(calls, "/inventory/stock", "/catalog/products?category=");
        assertStartsAfterAnswerOf(calls, "/reviews/ratings", "/catalog/products?category=");
        assertInFlightTogether(calls, "/inventory/stock", "/reviews/ratings");
    }

    private void productPage(String id) {
        query(operation("web", "ProductPage"), Map.of("id", id)).statusCode(200).body("errors", nullValue());
    }

    private void accountPage() {
        send(TestIdentityProvider.tokenFor("u3").sign(), operation("web", "AccountPage"), Map.of())
                .statusCode(200).body("errors", nullValue());
    }

    private void home() {
        String token = TestIdentityProvider.tokenFor("u3").client(TestIdentityProvider.MOBILE).sign();
        send(token, operation("mobile", "Home"), Map.of()).statusCode(200).body("errors", nullValue());
    }

    private List<Call> timed(Runnable operation) {
        return timed(operation, Map.of());
    }

    /**
     * Slows every service down to {@link #DELAY_MS} (or the given delays) and runs {@code operation} twice; the
     * calls of the second run. The first run warms connections, token checks and code paths, so that a cold start
     * does not spread the calls of the measured run.
     */
    private List<Call> timed(Runnable operation, Map<String, Integer> delays) {
        for (String service : ShopServices.SERVICES) {
            slowDown(service, delays.getOrDefault(service, DELAY_MS));
        }
        operation.run();
        shop.resetRequests();
        operation.run();
        return calls();
    }

    /**
     * Makes {@code service} hold every answer for {@code delayMs}, answering with the shop's data as before. The
     * contract's data comes from a response-definition transformer, which builds a new definition and so drops any
     * delay set next to it; instead this stub relays the request (marked, so it does not match again) to the same
     * server, where the transformer answers it, and holds the relayed answer for the delay.
     */
    private void slowDown(String service, int delayMs) {
        shop.stubFor(any(urlPathMatching("/" + service + "/.*")).atPriority(1)
                .withHeader(RELAYED, absent())
                .willReturn(aResponse().proxiedFrom(shop.baseUrl()).withAdditionalRequestHeader(RELAYED, "yes")
                        .withFixedDelay(delayMs)));
    }

    /**
     * One request a service received. {@code arrived} is when WireMock logged it; {@code answered} is when WireMock
     * began to send the answer (arrival + processing + the stub's delay), the earliest moment Facet can have seen
     * it. Both are milliseconds on WireMock's clock, so they are only compared with each other.
     */
    private record Call(String url, long arrived, long answered, int delay) {

        static Call of(ServeEvent event) {
            long arrived = event.getRequest().getLoggedDate().getTime();
            Timing timing = event.getTiming();
            int delay = timing.getAddedDelay() == null ? 0 : timing.getAddedDelay();
            int processing = timing.getProcessTime() == null ? 0 : timing.getProcessTime();
            return new Call(URLDecoder.decode(event.getRequest().getUrl(), StandardCharsets.UTF_8), arrived,
                    arrived + processing + delay, delay);
        }

        @Override
        public String toString() {
            return "%s arrived %d answered %d".formatted(url, arrived, answered);
        }
    }

    private List<Call> calls() {
        List<Call> calls = shop.getAllServeEvents().stream()
                .filter(event -> !event.getRequest().getUrl().startsWith("/idp/"))
                .filter(event -> !event.getRequest().containsHeader(RELAYED))
                .map(Call::of)
                .sorted(Comparator.comparingLong(Call::arrived))
                .toList();
        // Without the delay the answers could come back before the next request is sent, and overlap would prove
        // nothing; so make sure every call really was held.
        assertThat(calls).as("every service call was slowed down").isNotEmpty()
                .allSatisfy(call -> assertThat(call.delay()).as(call.url()).isGreaterThanOrEqualTo(DELAY_MS));
        return calls;
    }

    /**
     * The one call whose path and query start with {@code urlPrefix}; for a batch read ({@code …?ids=p94}), the one
     * call that asks for that id, whatever other ids share the batch (reads that become due in the same event-loop
     * turn leave together).
     */
    private static Call only(List<Call> calls, String urlPrefix) {
        List<Call> matching = calls.stream().filter(call -> asks(call.url(), urlPrefix)).toList();
        assertThat(matching).as("calls to %s among %s", urlPrefix, calls).hasSize(1);
        return matching.get(0);
    }

    private static boolean asks(String url, String urlPrefix) {
        int ids = urlPrefix.indexOf("?ids=");
        if (ids < 0 || urlPrefix.endsWith("?ids=")) {
            return url.startsWith(urlPrefix);
        }
        String batch = urlPrefix.substring(0, ids + "?ids=".length());
        String id = urlPrefix.substring(batch.length());
        return url.startsWith(batch) && List.of(url.substring(batch.length()).split(",")).contains(id);
    }

    /** Every one of these calls arrived before any of them was answered: they were all in flight at once. */
    private static void assertInFlightTogether(List<Call> calls, String... urlPrefixes) {
        List<Call> group = List.of(urlPrefixes).stream().map(prefix -> only(calls, prefix)).toList();
        Call lastToArrive = group.stream().max(Comparator.comparingLong(Call::arrived)).orElseThrow();
        Call firstAnswered = group.stream().min(Comparator.comparingLong(Call::answered)).orElseThrow();
        assertThat(lastToArrive.arrived())
                .as("%s arrived before %s was answered; timeline:%n%s", lastToArrive.url(), firstAnswered.url(),
                        timeline(calls))
                .isLessThan(firstAnswered.answered());
    }

    /** The {@code later} call arrived no earlier than the answer of the {@code earlier} one left the service. */
    private static void assertStartsAfterAnswerOf(List<Call> calls, String later, String earlier) {
        Call dependent = only(calls, later);
        Call dependency = only(calls, earlier);
        assertThat(dependent.arrived())
                .as("%s arrived after %s was answered; timeline:%n%s", dependent.url(), dependency.url(),
                        timeline(calls))
                .isGreaterThanOrEqualTo(dependency.answered());
    }

    private static String timeline(List<Call> calls) {
        long start = calls.get(0).arrived();
        return calls.stream()
                .map(call -> "  +%4d .. +%4d  %s".formatted(call.arrived() - start, call.answered() - start,
                        call.url()))
                .collect(Collectors.joining("\n"));
    }
}
