package dev.facet.graph;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static dev.facet.testing.Shop.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;


import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The web team's registered operations, exactly as checked in, answer with exactly the shop's data. */
@QuarkusTest
@WithTestResource(ShopServices.class)
class WebOperationsTests extends ShopTest {


    @Test
    void productPageComposesCatalogInventoryReviewsAndAccounts() {
        // p6: price 100 + 6*37 = 322 cents, category c6, stock 6*13 % 50 = 28, six reviews (k = 1..6).
        query(operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.id", equalTo("p6"))
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.description", equalTo("Description of product 6"))
                .body("data.product.images", contains("https://img.shop.example/products/p6/1.jpg",
                        "https://img.shop.example/products/p6/2.jpg"))
                .body("data.product.price.amount", equalTo(3.22f))
                .body("data.product.price.currency", equalTo("EUR"))
                .body("data.product.price.formatted", equalTo("€3.22"))
                .body("data.product.category.id", equalTo("c6"))
                .body("data.product.category.name", equalTo("Category 6"))
                .body("data.product.stock.available", equalTo(28))
                // ratings (6+k) % 5 + 1 for k = 1..6: 3, 4, 5, 1, 2, 3 -> mean 3.0
                .body("data.product.rating.average", equalTo(3.0f))
                .body("data.product.rating.count", equalTo(6))
                // newest first: k = 6, 5, 4, 3, 2; author u((6 + k) % 1000 + 1); created 2024-01-01 + (6 + k) h
                .body("data.product.reviews", hasSize(5))
                .body("data.product.reviews.rating", contains(3, 2, 1, 5, 4))
                .body("data.product.reviews.body", contains("Review 6 of product 6", "Review 5 of product 6",
                        "Review 4 of product 6", "Review 3 of product 6", "Review 2 of product 6"))
                .body("data.product.reviews[0].createdAt", equalTo("2024-01-01T12:00:00Z"))
                .body("data.product.reviews.author.name", contains("User 13", "User 12", "User 11", "User 10",
                        "User 9"));
    }

    @Test
    void productWithoutReviewsHasZeroRatingNotNull() {
        // 14 % 7 == 0 reviews
        query(operation("web", "ProductPage"), Map.of("id", "p14"))
                .body("errors", nullValue())
                .body("data.product.rating.average", equalTo(0.0f))
                .body("data.product.rating.count", equalTo(0))
                .body("data.product.reviews", hasSize(0));
    }

    @Test
    void productOutOfStockShowsZeroAvailable() {
        // 50 * 13 % 50 == 0
        query(operation("web", "ProductPage"), Map.of("id", "p50"))
                .body("errors", nullValue())
                .body("data.product.stock.available", equalTo(0))
                .body("data.product.price.formatted", equalTo("€19.50"));
    }

    @Test
    void categoryPagesFollowEachOtherThroughEndCursor() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", "c3");
        JsonPath first = query(operation("web", "CategoryPage"), variables)
                .body("errors", nullValue())
                .body("data.products.edges", hasSize(20))
                .body("data.products.edges[0].node.id", equalTo("p3"))
                .body("data.products.edges[19].node.id", equalTo("p383"))
                .body("data.products.edges[0].node.price.formatted", equalTo("€2.11"))
                .body("data.products.edges[0].node.stock.available", equalTo(39))
                .body("data.products.edges[0].node.rating.average", equalTo(2.6666667f))
                .body("data.products.pageInfo.hasNextPage", equalTo(true))
                .body("data.products.pageInfo.endCursor", notNullValue())
                .extract().jsonPath();

        variables.put("after", first.getString("data.products.pageInfo.endCursor"));
        query(operation("web", "CategoryPage"), variables)
                .body("errors", nullValue())
                .body("data.products.edges", hasSize(20))
                .body("data.products.edges[0].node.id", equalTo("p403"))
                .body("data.products.edges[19].node.id", equalTo("p783"))
                .body("data.products.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void accountPageShowsTheSignedInUsersAccountOrdersAndRecommendations() {
        String token = TestIdentityProvider.tokenFor("u3").sign();
        send(token, operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 3"))
                .body("data.me.email", equalTo("user3@shop.example"))
                .body("data.me.tier", equalTo("GOLD"))
                // u3 has 3 % 4 = 3 orders, newest (k = 3) first
                .body("data.me.orders.id", contains("o3-3", "o3-2", "o3-1"))
                .body("data.me.orders.status", contains("PAID", "SHIPPED", "DELIVERED"))
                .body("data.me.orders[0].placedAt", equalTo("2025-01-01T09:00:00Z"))
                // o3-3: p10 x1 (470) + p43 x2 (1691) = 3852
                .body("data.me.orders[0].total.formatted", equalTo("€38.52"))
                .body("data.me.orders[0].lines.quantity", contains(1, 2))
                .body("data.me.orders[0].lines.product.id", contains("p10", "p43"))
                .body("data.me.orders[0].lines.product.name", contains("Product 10", "Product 43"))
                // p((3 * 31 + i * 97) % 10000 + 1)
                .body("data.me.recommendations", hasSize(8))
                .body("data.me.recommendations.id", contains("p94", "p191", "p288", "p385", "p482", "p579",
                        "p676", "p773"))
                .body("data.me.recommendations[0].price.formatted", equalTo("€35.78"))
                .body("data.me.recommendations[3].rating.average", equalTo(0.0f));
    }

    @Test
    void accountPageOfAUserWithoutOrders() {
        String token = TestIdentityProvider.tokenFor("u4").sign();
        send(token, operation("web", "AccountPage"), Map.of())
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 4"))
                .body("data.me.tier", equalTo("STANDARD"))
                .body("data.me.orders", hasSize(0));
    }

    @Test
    void placeOrderCreatesAnOrderForTheCaller() {
        String token = TestIdentityProvider.tokenFor("u5").sign();
        Map<String, Object> input = Map.of("lines", java.util.List.of(Map.of("productId", "p1", "quantity", 2)),
                "idempotencyKey", "web-tests-1");
        // p1 costs 137 cents: 2 x 1.37 = 2.74
        send(token, operation("web", "PlaceOrder"), Map.of("input", input))
                .body("errors", nullValue())
                .body("data.placeOrder.id", notNullValue())
                .body("data.placeOrder.status", equalTo("PLACED"))
                .body("data.placeOrder.total.amount", equalTo(2.74f))
                .body("data.placeOrder.total.currency", equalTo("EUR"));
    }
}
