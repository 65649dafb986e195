package dev.facet.edge;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.queryAs;
import static dev.facet.testing.Shop.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;


import dev.facet.testing.MetricsScrape;
import dev.facet.testing.RateLimitProfile;
import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Each signed-in user has a bucket of their own, whichever client they use, and anonymous callers one per address,
 * whatever client they name; an empty bucket refuses the whole request with 429, RATE_LIMITED and Retry-After, before any call.
 * Each test empties buckets no other test uses (its own users; only one test sends anonymous requests).
 */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
@WithTestResource(ShopServices.class)
class RateLimitTests extends ShopTest {


    @Test
    void userBeyondTheirBucketIsRefusedWith429AndOtherUsersAreNot() {
        String u11 = TestIdentityProvider.tokenFor("u11").sign();
        String u11OnMobile = TestIdentityProvider.tokenFor("u11").client(TestIdentityProvider.MOBILE).sign();
        for (int i = 0; i < RateLimitProfile.USER_CAPACITY - 1; i++) {
            send(u11, operation("web", "AccountPage"), Map.of()).statusCode(200).body("data.me.name", equalTo("User 11"));
        }
        send(u11OnMobile, operation("mobile", "Home"), Map.of()).statusCode(200);
        ShopServices.reset(shop);
        double refusedBefore = MetricsScrape.value(MetricsScrape.scrape(), "facet_graphql_rate_limited_total",
                "client=\"web\"");

        given().contentType("application/json").header("Authorization", "Bearer " + u11)
                .body(Map.of("query", operation("web", "AccountPage"))).post("/graphql")
                .then().statusCode(429)
                // a third of an hour to refill one request, less the seconds this test has taken so far
                .header("Retry-After", Integer::parseInt, both(greaterThan(1100)).and(lessThanOrEqualTo(1200)))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
        assertThat(Shop.urls(shop)).as("a refused request costs the services nothing").isEmpty();
        assertThat(MetricsScrape.value(MetricsScrape.scrape(), "facet_graphql_rate_limited_total", "client=\"web\"")
                - refusedBefore).as("counted for operators").isEqualTo(1.0);

        send(TestIdentityProvider.tokenFor("u12").sign(), operation("web", "AccountPage"), Map.of())
                .statusCode(200).body("data.me.name", equalTo("User 12"));
    }

    @Test
    void anonymousCallersShareABucketPerAddressWhateverClientTheyClaim() {
        // alternating X-Client-Name used to double an address's allowance
        for (int i = 0; i < RateLimitProfile.ANONYMOUS_CAPACITY; i++) {
            if (i % 2 == 0) {
                queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p6")).statusCode(200)
                        .body("data.productCard.title", equalTo("Product 6"));
            } else {
                queryAs(Shop.WEB, "{ product(id: \"p6\") { name } }", Map.of()).statusCode(200)
                        .body("data.product.name", equalTo("Product 6"));
            }
        }
        ShopServices.reset(shop);
        queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p6")).statusCode(429)
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
        queryAs(Shop.WEB, "{ product(id: \"p6\") { name } }", Map.of()).statusCode(429)
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
        assertThat(Shop.urls(shop)).isEmpty();

        // Signed in, the same address has the user's own bucket.
        send(TestIdentityProvider.tokenFor("u13").client(TestIdentityProvider.MOBILE).sign(),
                operation("mobile", "ProductDetail"), Map.of("id", "p6")).statusCode(200);
    }
}
