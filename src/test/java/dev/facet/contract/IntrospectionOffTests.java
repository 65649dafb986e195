package dev.facet.contract;

import static dev.facet.testing.Shop.MOBILE;
import static dev.facet.testing.Shop.WEB;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.queryAs;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.facet.testing.LockedDownProfile;
import dev.facet.testing.ShopServices;
import graphql.introspection.IntrospectionQuery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code facet.clients.<client>.introspection=false} hides that client's schema and nobody else's. */
@QuarkusTest
@TestProfile(LockedDownProfile.class)
@WithTestResource(ShopServices.class)
class IntrospectionOffTests {

    @Test
    void clientWithoutIntrospectionCannotReadItsSchema() {
        queryAs(MOBILE, IntrospectionQuery.INTROSPECTION_QUERY, Map.of())
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", notNullValue());
        queryAs(MOBILE, "{ __type(name: \"ProductCard\") { name } }", Map.of())
                .body("data", nullValue());
        given().header("X-Client-Name", MOBILE).get("/graphql/schema.graphql").then().statusCode(404);
    }

    @Test
    void clientWithoutIntrospectionStillRunsItsOperations() {
        queryAs(MOBILE, operation(MOBILE, "ProductDetail"), Map.of("id", "p6"))
                .body("errors", nullValue())
                .body("data.productCard.title", equalTo("Product 6"));
        queryAs(MOBILE, "{ __typename }", Map.of())
                .body("errors", nullValue())
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void otherClientsKeepTheirIntrospection() {
        queryAs(WEB, IntrospectionQuery.INTROSPECTION_QUERY, Map.of())
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"));
        given().header("X-Client-Name", WEB).get("/graphql/schema.graphql").then().statusCode(200);
    }
}
