package dev.facet.graph.mobile;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static dev.facet.testing.Shop.queryAs;
import static dev.facet.testing.Shop.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;


import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The mobile team's registered operations, exactly as checked in, answer with exactly the shop's data. */
@QuarkusTest
@WithTestResource(ShopServices.class)
class MobileOperationsTests extends ShopTest {


    @Test
    void homeGreetsTheSignedInUserWithRecommendationsAndRecentOrders() {
        String token = TestIdentityProvider.tokenFor("u7").client(TestIdentityProvider.MOBILE).sign();
        send(token, operation("mobile", "Home"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.home.greeting", equalTo("Hello, User 7"))
                // p((7 * 31 + i * 97) % 10000 + 1) for i = 0..9
                .body("data.home.recommended", hasSize(10))
                .body("data.home.recommended.id", contains("p218", "p315", "p412", "p509", "p606", "p703", "p800",
                        "p897", "p994", "p1091"))
                .body("data.home.recommended[0].title", equalTo("Product 218"))
                // 100 + 218 * 37 % 9900 = 8166
                .body("data.home.recommended[0].priceLabel", equalTo("€81.66"))
                .body("data.home.recommended[0].thumbnailUrl",
                        equalTo("https://img.shop.example/products/p218/1.jpg"))
                // stock of p218: 218 * 13 % 50 = 34; of p800: 800 * 13 % 50 = 0
                .body("data.home.recommended[0].inStock", equalTo(true))
                .body("data.home.recommended[6].inStock", equalTo(false))
                // u7 has 7 % 4 = 3 orders, newest first; o7-3 = p22 x1 (914) + p71 x2 (2727) = 6368
                .body("data.home.recentOrders.id", contains("o7-3", "o7-2", "o7-1"))
                .body("data.home.recentOrders.status", contains("PAID", "SHIPPED", "DELIVERED"))
                .body("data.home.recentOrders[0].totalLabel", equalTo("€63.68"));
    }

    @Test
    void productDetailOfAnOutOfStockProduct() {
        // p50: 100 + 50 * 37 = 1950 cents, stock 0, one review rated (50 + 1) % 5 + 1 = 2
        queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p50"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.id", equalTo("p50"))
                .body("data.productCard.title", equalTo("Product 50"))
                .body("data.productCard.priceLabel", equalTo("€19.50"))
                .body("data.productCard.thumbnailUrl", equalTo("https://img.shop.example/products/p50/1.jpg"))
                .body("data.productCard.inStock", equalTo(false))
                .body("data.productCard.ratingAverage", equalTo(2.0f))
                .body("data.productCard.reviewCount", equalTo(1));
    }

    @Test
    void productDetailOfAProductWithoutReviewsHasZeroRating() {
        // p14: 14 % 7 == 0 reviews, stock 14 * 13 % 50 = 32
        queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p14"))
                .body("errors", nullValue())
                .body("data.productCard.inStock", equalTo(true))
                .body("data.productCard.ratingAverage", equalTo(0.0f))
                .body("data.productCard.reviewCount", equalTo(0));
    }

    @Test
    void productDetailOfAnUnknownProductIsNullWithNotFound() {
        queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p10001"))
                .statusCode(200)
                .body("data.productCard", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].path", contains("productCard"));
    }
}
