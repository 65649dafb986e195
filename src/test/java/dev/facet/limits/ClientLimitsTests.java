package dev.facet.limits;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;


import dev.facet.testing.ClientPolicyProfile;
import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/** A client's own limit ({@code facet.clients.web.limits.max-cost=200} here) replaces the default for it alone. */
@QuarkusTest
@TestProfile(ClientPolicyProfile.class)
@WithTestResource(ShopServices.class)
class ClientLimitsTests extends ShopTest {


    @Test
    void clientsOwnCostLimitApplies() {
        // CategoryPage costs 281: within the default 5000, over web's 200.
        query(operation("web", "CategoryPage"), Map.of("category", "c1"))
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COSTLY"))
                .body("errors[0].message", equalTo("The query would cost 281; at most 200"));
        assertThat(Shop.urls(shop)).isEmpty();

        given().contentType("application/json").header("X-Client-Name", "web")
                .body(new JsonObject().put("query", operation("web", "ProductPage"))
                        .put("variables", new JsonObject().put("id", "p6"))
                        .put("extensions", new JsonObject().put("cost", true)).encode())
                .post("/graphql").then().statusCode(200)
                .body("data.product.name", equalTo("Product 6"))
                .body("extensions.cost.requested", equalTo(43))
                .body("extensions.cost.limit", equalTo(ClientPolicyProfile.WEB_MAX_COST));
    }
}
