package dev.facet.contract;

import static dev.facet.testing.Shop.MOBILE;
import static dev.facet.testing.Shop.WEB;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.queryAs;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.facet.testing.LockedDownProfile;
import dev.facet.testing.ShopServices;
import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionQueryBuilder;
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
                .body("errors[0].message", notNullValue())
                .body("errors[0].extensions.code", equalTo("INTROSPECTION_DISABLED"));
        queryAs(MOBILE, "{ __type(name: \"ProductCard\") { name } }", Map.of())
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("INTROSPECTION_DISABLED"));
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
    void standardIntrospectionQueriesOfTheCommonToolsWork() {
        // graphql-js's getIntrospectionQuery() as GraphiQL, Apollo's tools and graphql-codegen send it, with each
        // of the options they turn on
        List<String> queries = List.of(IntrospectionQuery.INTROSPECTION_QUERY,
                IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
                        .inputValueDeprecation(true).isOneOf(true).specifiedByUrl(true).directiveIsRepeatable(true)
                        .schemaDescription(true)),
                IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions().descriptions(false)
                        .typeRefFragmentDepth(9)));
        for (String introspection : queries) {
            queryAs(WEB, introspection, Map.of())
                    .body("errors", nullValue())
                    .body("data.__schema.queryType.name", equalTo("Query"))
                    .body("data.__schema.types.name", hasItem("Product"));
        }
    }

    @Test
    void introspectionBeyondGoodFaithIsAClientError() {
        queryAs(WEB, "{ __schema { queryType { fields { name } } mutationType { fields { name } } } }", Map.of())
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void otherClientsKeepTheirIntrospection() {
        queryAs(WEB, IntrospectionQuery.INTROSPECTION_QUERY, Map.of())
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"));
        given().header("X-Client-Name", WEB).get("/graphql/schema.graphql").then().statusCode(200);
    }
}
