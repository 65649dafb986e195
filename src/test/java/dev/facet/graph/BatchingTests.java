package dev.facet.graph;

import static dev.facet.testing.Shop.callCounts;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static dev.facet.testing.Shop.queryAs;
import static dev.facet.testing.Shop.requestsByService;
import static dev.facet.testing.Shop.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each registered operation costs exactly the downstream calls it needs: every service is called at most once per
 * query level, ids are asked for in batches of at most 100 and never twice, and a call a root resolver started
 * early (prefetch) is shared with the batch resolver that needs its answer, never repeated. Expected URLs are worked
 * out from the shop contract's deterministic data.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class BatchingTests extends ShopTest {


    @Test
    void productPageCallsEachServiceOnceAndAsksForAllReviewAuthorsInOneCall() {
        query(operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.reviews", hasSize(5));

        // Stock, rating, reviews and categories are prefetched by product(id); the batch resolvers must find them
        // in the request's memo instead of asking again. The five shown reviews of p6 (k = 6..2) are by
        // u((6 + k) % 1000 + 1): one accounts call for all of them, in review order.
        assertThat(decodedUrls()).containsExactlyInAnyOrder(
                "/catalog/products/p6",
                "/catalog/categories",
                "/inventory/stock?productIds=p6",
                "/reviews/ratings?productIds=p6",
                "/reviews/reviews?productId=p6&limit=5",
                "/accounts/users?ids=u13,u12,u11,u10,u9");
        assertThat(callCounts(shop)).isEqualTo(Map.of("catalog", 2, "inventory", 1, "reviews", 2, "accounts", 1));
    }

    @Test
    void categoryPageReadsOneCatalogPageAndTheStockAndRatingsOfAllItsProductsInOneCallEach() {
        query(operation("web", "CategoryPage"), Map.of("category", "c3"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.products.edges", hasSize(20));

        // Category c3 holds p3, p23, p43, ... (every 20th product); the first page has 20 of them.
        String pageIds = csv(IntStream.range(0, 20).mapToObj(i -> "p" + (3 + 20 * i)).toList());
        assertThat(decodedUrls()).containsExactlyInAnyOrder(
                "/catalog/products?category=c3&limit=20",
                "/inventory/stock?productIds=" + pageIds,
                "/reviews/ratings?productIds=" + pageIds);
        assertThat(callCounts(shop)).isEqualTo(Map.of("catalog", 1, "inventory", 1, "reviews", 1));
    }

    @Test
    void accountPageReadsTheAccountOrdersAndRecommendationsOnceAndTheProductsOncePerLevel() {
        send(TestIdentityProvider.tokenFor("u3").sign(), operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.orders", hasSize(3))
                .body("data.me.recommendations", hasSize(8));

        // Recommended to u3: p((3 * 31 + i * 97) % 10000 + 1), i = 0..7. Their products and ratings go out as soon
        // as the recommendations are known (me prefetches them), and the recommendations field and the rating batch
        // resolver reuse those calls.
        List<String> recommended = IntStream.range(0, 8).mapToObj(i -> "p" + ((3 * 31 + i * 97) % 10000 + 1)).toList();
        // u3's orders newest first (k = 3, 2, 1), each with lines p(3k % 10000 + 1) and p((3 + k) * 7 % 10000 + 1):
        // all six line products of all orders go out as soon as the orders are known. When orders and
        // recommendations answer in the same event-loop turn, both sets share one catalog call.
        List<String> lineProducts = List.of("p10", "p43", "p7", "p36", "p4", "p29");
        assertThat(decodedUrls()).contains(
                "/accounts/users/u3",
                "/orders/orders?userId=u3&limit=5",
                "/recommendations/recommendations?userId=u3&limit=8",
                "/reviews/ratings?productIds=" + csv(recommended));
        List<String> productsAsked = idsAskedFor("catalog", "ids").stream().flatMap(List::stream).toList();
        assertThat(productsAsked).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(concat(recommended, lineProducts));
        assertThat(callCounts(shop)).containsEntry("accounts", 1).containsEntry("orders", 1)
                .containsEntry("recommendations", 1).containsEntry("reviews", 1).containsKey("catalog");
        assertThat(callCounts(shop).get("catalog")).isBetween(1, 2);
        assertThat(callCounts(shop)).hasSize(5);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    @Test
    void placeOrderMakesOnlyTheOneOrdersCall() {
        String token = TestIdentityProvider.tokenFor("u5").sign();
        Map<String, Object> input = Map.of("lines", List.of(Map.of("productId", "p1", "quantity", 2)),
                "idempotencyKey", "batching-tests-1");
        send(token, operation("web", "PlaceOrder"), Map.of("input", input))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.placeOrder.status", equalTo("PLACED"));

        // The orders service checks the products and prices the order; the gateway must not look them up itself.
        List<ServeEvent> requests = requestsByService(shop).get("orders");
        assertThat(callCounts(shop)).isEqualTo(Map.of("orders", 1));
        assertThat(requests.get(0).getRequest().getMethod().getName()).isEqualTo("POST");
        assertThat(requests.get(0).getRequest().getUrl()).isEqualTo("/orders/orders");
    }

    @Test
    void homeReadsAccountOrdersRecommendationsOnceAndTheRecommendedProductsAndTheirStockInOneCallEach() {
        String token = TestIdentityProvider.tokenFor("u3").client(TestIdentityProvider.MOBILE).sign();
        send(token, operation("mobile", "Home"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.home.greeting", equalTo("Hello, User 3"))
                .body("data.home.recommended", hasSize(10))
                .body("data.home.recentOrders", hasSize(3));

        String recommended = csv(
                IntStream.range(0, 10).mapToObj(i -> "p" + ((3 * 31 + i * 97) % 10000 + 1)).toList());
        assertThat(decodedUrls()).containsExactlyInAnyOrder(
                "/accounts/users/u3",
                "/orders/orders?userId=u3&limit=3",
                "/recommendations/recommendations?userId=u3&limit=10",
                "/catalog/products?ids=" + recommended,
                "/inventory/stock?productIds=" + recommended);
        assertThat(callCounts(shop)).isEqualTo(
                Map.of("accounts", 1, "orders", 1, "recommendations", 1, "catalog", 1, "inventory", 1));
    }

    @Test
    void productDetailReadsProductStockAndRatingOnceEvenThoughTwoFieldsNeedTheRating() {
        queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.inStock", equalTo(true))
                .body("data.productCard.reviewCount", equalTo(6));

        // ratingAverage and reviewCount both read /ratings: one call serves both, and it is the prefetched one.
        assertThat(decodedUrls()).containsExactlyInAnyOrder(
                "/catalog/products/p6",
                "/inventory/stock?productIds=p6",
                "/reviews/ratings?productIds=p6");
        assertThat(callCounts(shop)).isEqualTo(Map.of("catalog", 1, "inventory", 1, "reviews", 1));
    }

    @Test
    void twoHundredProductsAtOneLevelAreAskedForInTwoStockCallsOfAHundredWithNoIdTwice() {
        query("""
                {
                  a: products(category: "c1", first: 100) { edges { node { id stock { available } } } }
                  b: products(category: "c2", first: 100) { edges { node { id stock { available } } } }
                }""")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.a.edges", hasSize(100))
                .body("data.b.edges", hasSize(100));

        List<List<String>> stockCalls = idsAskedFor("inventory", "productIds");
        assertThat(stockCalls).hasSize(2).allSatisfy(ids -> assertThat(ids).hasSize(100));
        List<String> asked = stockCalls.stream().flatMap(List::stream).toList();
        assertThat(asked).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(categoryIds(1, 100, 2, 100));
        assertThat(callCounts(shop)).isEqualTo(Map.of("catalog", 2, "inventory", 2));
    }

    @Test
    void productsOfThreeAliasesAtOneLevelShareTheirStockCallsInsteadOfOneCallPerAlias() {
        // 3 x 40 = 120 products at one level: one batch of 120, chunked into 100 + 20, is 2 calls; a batch per
        // alias would be 3.
        query("""
                {
                  a: products(category: "c1", first: 40) { edges { node { stock { available } } } }
                  b: products(category: "c2", first: 40) { edges { node { stock { available } } } }
                  c: products(category: "c3", first: 40) { edges { node { stock { available } } } }
                }""")
                .statusCode(200)
                .body("errors", nullValue());

        List<List<String>> stockCalls = idsAskedFor("inventory", "productIds");
        assertThat(stockCalls).as(decodedUrls().toString()).hasSize(2);
        assertThat(stockCalls.stream().map(List::size).sorted().toList()).containsExactly(20, 100);
        assertThat(stockCalls.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(categoryIds(1, 40, 2, 40, 3, 40));
    }

    @Test
    void overlappingPagesAskForTheStockOfEachProductOnce() {
        // b's 40 products include a's 20: each product's stock is asked for once, in one call.
        query("""
                {
                  a: products(category: "c1", first: 20) { edges { node { stock { available } } } }
                  b: products(category: "c1", first: 40) { edges { node { stock { available } } } }
                }""")
                .statusCode(200)
                .body("errors", nullValue());

        List<List<String>> stockCalls = idsAskedFor("inventory", "productIds");
        assertThat(stockCalls).as(decodedUrls().toString()).hasSize(1);
        assertThat(stockCalls.get(0)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(categoryIds(1, 40));
    }

    @Test
    void theSameProductUnderTwoAliasesIsReadOnceAndItsStockAskedForOnce() {
        query("""
                {
                  a: product(id: "p6") { stock { available } }
                  b: product(id: "p6") { stock { available } }
                }""")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.a.stock.available", equalTo(28))
                .body("data.b.stock.available", equalTo(28));

        assertThat(decodedUrls()).containsExactly("/catalog/products/p6", "/inventory/stock?productIds=p6");
    }

    @Test
    void aChildThatSkipOrIncludeLeavesOutIsNotFetchedAhead() {
        // product(id) starts its children's calls at once when they are selected; one left out is no call at all.
        query("""
                query ($withStock: Boolean!) {
                  product(id: "p6") { name stock @include(if: $withStock) { available } rating @skip(if: true) { count } }
                }""", Map.of("withStock", false))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Product 6"));

        assertThat(callCounts(shop)).isEqualTo(Map.of("catalog", 1));
    }

    @Test
    void aPrefetchedStockIsNotAskedForAgainByADeeperLevel() {
        // product(id: "p6") prefetches p6's stock; the category page below holds p6 and p26, and its stock batch
        // must ask only for p26.
        query("""
                {
                  product(id: "p6") { stock { available } }
                  products(category: "c6", first: 2) { edges { node { id stock { available } } } }
                }""")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.products.edges.node.id", contains("p6", "p26"))
                .body("data.products.edges[0].node.stock.available", equalTo(28));

        List<String> asked = idsAskedFor("inventory", "productIds").stream().flatMap(List::stream).toList();
        assertThat(asked).as(decodedUrls().toString()).containsExactlyInAnyOrder("p6", "p26");
        assertThat(callCounts(shop)).isEqualTo(Map.of("catalog", 2, "inventory", 2));
    }

    @Test
    void productsAskedForByIdAtTheRootAreReadInOneCatalogCall() {
        // Two product(id) fields are one query level: one /products?ids= call for both, as for any other level.
        query("""
                {
                  a: product(id: "p6") { name }
                  b: product(id: "p7") { name }
                }""")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.a.name", equalTo("Product 6"))
                .body("data.b.name", equalTo("Product 7"));

        assertThat(callCounts(shop)).as(decodedUrls().toString()).isEqualTo(Map.of("catalog", 1));
        assertThat(productsAskedForFromTheCatalog()).containsExactlyInAnyOrder("p6", "p7");
    }

    @Test
    void theStockOfProductsAskedForByIdAtTheRootIsAskedForInOneCall() {
        // Without the prefetch, the stock batch resolver would ask for p6 and p7 together; starting early must not
        // split that call in two.
        query("""
                {
                  a: product(id: "p6") { stock { available } }
                  b: product(id: "p7") { stock { available } }
                }""")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.a.stock.available", equalTo(28))
                .body("data.b.stock.available", equalTo(41));

        List<List<String>> stockCalls = idsAskedFor("inventory", "productIds");
        assertThat(stockCalls).as(decodedUrls().toString()).hasSize(1);
        assertThat(stockCalls.get(0)).containsExactlyInAnyOrder("p6", "p7");
    }

    @Test
    void aProductReadByIdIsNotReadAgainAsARecommendation() {
        // u3's best recommendation is p94: the request already asked the catalog for it, and a request never asks
        // for the same product twice.
        send(TestIdentityProvider.tokenFor("u3").sign(), """
                {
                  product(id: "p94") { name }
                  me { recommendations(first: 1) { id name } }
                }""", Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Product 94"))
                .body("data.me.recommendations[0].name", equalTo("Product 94"));

        assertThat(productsAskedForFromTheCatalog()).as(decodedUrls().toString()).containsExactly("p94");
    }

    @Test
    void theSignedInUserIsNotReadAgainAsAReviewAuthor() {
        // p1's only review is by u3 (k = 1: u((1 + 1) % 1000 + 1)); me already asked the accounts service for u3.
        send(TestIdentityProvider.tokenFor("u3").sign(), """
                {
                  me { name }
                  product(id: "p1") { reviews { author { name } } }
                }""", Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 3"))
                .body("data.product.reviews.author.name", contains("User 3"));

        assertThat(requestsByService(shop).get("accounts")).as(decodedUrls().toString()).hasSize(1);
    }

    /**
     * The products the catalog was asked for, one entry per time asked: by {@code /products/{id}} or in
     * {@code /products?ids=}.
     */
    private List<String> productsAskedForFromTheCatalog() {
        List<String> asked = new ArrayList<>();
        for (String url : decodedUrls()) {
            if (url.startsWith("/catalog/products/")) {
                asked.add(url.substring("/catalog/products/".length()));
            } else if (url.startsWith("/catalog/products?ids=")) {
                asked.addAll(Arrays.asList(url.substring("/catalog/products?ids=".length()).split(",")));
            }
        }
        return asked;
    }

    /**
     * The paths (with query) the services received, percent-decoded: whether the REST client sends a comma as
     * {@code ,} or {@code %2C} is the client's business, the ids and their order are ours.
     */
    private List<String> decodedUrls() {
        return Shop.urls(shop).stream().map(url -> URLDecoder.decode(url, StandardCharsets.UTF_8)).toList();
    }

    /** The ids each request to {@code service} asked for in its {@code parameter}, one list per request. */
    private List<List<String>> idsAskedFor(String service, String parameter) {
        return requestsByService(shop).getOrDefault(service, List.of()).stream()
                .map(event -> event.getRequest().queryParameter(parameter))
                .filter(value -> value != null && value.isPresent())
                .map(value -> Arrays.asList(value.firstValue().split(",")))
                .toList();
    }

    /** The first products of categories, as pairs (category number, how many): category cN lists pN, pN+20, ... */
    private static List<String> categoryIds(int... categoryAndCount) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < categoryAndCount.length; i += 2) {
            int category = categoryAndCount[i];
            IntStream.range(0, categoryAndCount[i + 1]).mapToObj(k -> "p" + (category + 20 * k)).forEach(ids::add);
        }
        return ids;
    }

    private static String csv(List<String> ids) {
        return ids.stream().collect(Collectors.joining(","));
    }
}
