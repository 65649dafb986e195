package dev.facet.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;


import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Only the configured origin (here https://shop.test) may call Facet from a browser page of another origin. */
@QuarkusTest
@WithTestResource(ShopServices.class)
class CorsTests extends ShopTest {


    @Test
    void theWebAppsOriginMayCall() {
        given().header("Origin", "https://shop.test").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.test");
        given().header("Origin", "https://shop.test").header("X-Client-Name", "web").contentType("application/json")
                .body("{\"query\":\"{ product(id: \\\"p6\\\") { name } }\"}").post("/graphql")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://shop.test")
                .body("data.product.name", equalTo("Product 6"));
    }

    @Test
    void anyOtherOriginIsRefusedBeforeAnything() {
        given().header("Origin", "https://evil.test").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.test").header("X-Client-Name", "web").contentType("application/json")
                .body("{\"query\":\"{ product(id: \\\"p6\\\") { name } }\"}").post("/graphql")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        assertThat(Shop.urls(shop)).isEmpty();
    }
}
