package dev.facet.limits;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Hostile documents are refused with their own code before anything runs: no validation, no resolver, no call to
 * a service — and the next ordinary request is answered as usual. Limits are the defaults an operator gets.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class QueryLimitsTests extends ShopTest {


    @AfterEach
    void nothingReachedTheServicesAndFacetStillAnswers() {
        assertThat(Shop.urls(shop)).as("calls to the shop's services").isEmpty();
        query(operation("web", "ProductPage"), Map.of("id", "p6")).statusCode(200)
                .body("errors", nullValue()).body("data.product.name", equalTo("Product 6"));
        ShopServices.reset(shop);
    }

    @Test
    void oneMegabyteQueryIsRefusedUnread() {
        String huge = "{ product(id: \"p6\") { " + "name ".repeat(210_000) + "} }";
        given().contentType("application/json").header("X-Client-Name", "web")
                .body(new JsonObject().put("query", huge).encode()).post("/graphql")
                .then().statusCode(413)
                .body("errors[0].extensions.code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void documentWithTooManyTokensIsRefused() {
        refused("{ product(id: \"p6\") { " + "name ".repeat(6000) + "} }", "TOO_MANY_TOKENS");
    }

    @Test
    void thousandAliasesAreRefused() {
        StringBuilder aliases = new StringBuilder("{ product(id: \"p6\") {");
        for (int i = 0; i < 1000; i++) {
            aliases.append(" a").append(i).append(": name");
        }
        refused(aliases.append(" } }").toString(), "TOO_MANY_ALIASES")
                .body("errors[0].message", equalTo("The query has 1000 aliases; at most 30"));
    }

    @Test
    void fiftyDeepNestingIsRefused() {
        String deep = "{ " + "product(id: \"p6\") { ".repeat(50) + "name" + " }".repeat(50) + " }";
        refused(deep, "QUERY_TOO_DEEP").body("errors[0].message", equalTo("The query nests fields 51 deep; at most 12"));
    }

    @Test
    void tooManyRootFieldsAreRefused() {
        StringBuilder roots = new StringBuilder("{");
        for (int i = 1; i <= 11; i++) {
            roots.append(" p").append(i).append(": product(id: \"p").append(i).append("\") { name }");
        }
        refused(roots.append(" }").toString(), "TOO_MANY_ROOT_FIELDS");
    }

    @Test
    void tooManyDirectivesAreRefused() {
        refused("{ product(id: \"p6\") { " + "name @include(if: true) ".repeat(21) + "} }", "TOO_MANY_DIRECTIVES");
    }

    @Test
    void costlyQueryIsRefusedWithItsCost() {
        refused("""
                { products(category: "c1", first: 100) { edges { node { reviews(first: 100) { author { name } } } } } }""",
                "QUERY_TOO_COSTLY")
                .body("errors[0].message", equalTo("The query would cost 20301; at most 5000"));
    }

    @Test
    void costlyQueryThroughVariablesIsRefusedToo() {
        query("""
                query($n: Int) { products(category: "c1", first: $n) { edges { node { reviews(first: $n) { body } } } } }""",
                Map.of("n", 100))
                .statusCode(200).body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COSTLY"));
    }

    @Test
    @Timeout(10) // measured naively, this document has 2^60 root fields: it would never be answered
    void fragmentGraphIsMeasuredOncePerFragment() {
        StringBuilder document = new StringBuilder("query { ...F60 }\nfragment F0 on Query { __typename }\n");
        for (int i = 1; i <= 60; i++) {
            document.append("fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F")
                    .append(i - 1).append(" }\n");
        }
        refused(document.toString(), "TOO_MANY_ROOT_FIELDS")
                .body("errors[0].message", equalTo("The operation asks for 1152921504606846976 root fields; at most 10")); // 2^60
    }

    @Test
    void fieldCalledOncePerParentIsPricedPerParent() {
        refused("""
                { products(category: "c1", first: 100) { edges { node { reviews(first: 1) { __typename } } } } }""",
                "QUERY_TOO_COSTLY")
                .body("errors[0].message", equalTo("The query would make 101 calls to services; at most 50"));
    }

    @Test
    void aliasedFanOutIsPricedPerAlias() {
        StringBuilder aliases = new StringBuilder("{ products(category: \"c1\", first: 10) { edges { node {");
        for (int i = 0; i < 30; i++) {
            aliases.append(" r").append(i).append(": reviews(first: 1) { body }");
        }
        refused(aliases.append(" } } } }").toString(), "QUERY_TOO_COSTLY")
                .body("errors[0].message", equalTo("The query would make 301 calls to services; at most 50"));
    }

    @Test
    void batchedFieldsCostOneCallPerLevel() {
        ShopServices.reset(shop);
        given().contentType("application/json").header("X-Client-Name", "web")
                .body(new JsonObject().put("query", """
                        { products(category: "c1", first: 100) { edges { node { a: stock { available }
                          b: stock { available } rating { count } } } } }""")
                        .put("extensions", new JsonObject().put("cost", true)).encode())
                .post("/graphql").then().statusCode(200)
                .body("errors", nullValue())
                .body("extensions.cost.downstreamCalls", equalTo(4))
                .body("extensions.cost.downstreamCallLimit", equalTo(50));
        ShopServices.reset(shop);
    }

    @Test
    void thousandsOfOrderLinesAreRefusedBeforeTheyAreRead() {
        JsonArray lines = new JsonArray();
        for (int i = 0; i < 1500; i++) {
            lines.add(new JsonObject().put("productId", "p1").put("quantity", 1));
        }
        JsonObject body = new JsonObject().put("query", operation("web", "PlaceOrder"))
                .put("variables", new JsonObject().put("input", new JsonObject().put("idempotencyKey", "k-huge")
                        .put("lines", lines)));
        for (String token : new String[] { null, TestIdentityProvider.tokenFor("u3").sign() }) {
            var request = given().contentType("application/json").header("X-Client-Name", "web");
            if (token != null) {
                request = request.auth().oauth2(token);
            }
            request.body(body.encode()).post("/graphql").then().statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", equalTo("A list in the variables has 1500 items; at most 100"));
        }
    }

    /**
     * Under the body limit, 300,000 empty objects parse into ~30 MB of maps: four such bodies at once filled the
     * shipped 56 MB heap. The body's JSON is parsed within a bound of tokens, and refused where it passes it.
     */
    @Test
    @Timeout(10)
    void aBodyOfHundredsOfThousandsOfJsonValuesIsRefusedAsItIsRead() {
        String body = "{\"query\":\"query($v: [String]) { __typename }\",\"variables\":{\"v\":["
                + "{},".repeat(300_000) + "{}]}}";
        given().contentType("application/json").header("X-Client-Name", "web").body(body).post("/graphql")
                .then().statusCode(400)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", equalTo("The request body has more than 10000 JSON tokens"));
    }

    @Test
    void costIsReportedWhenAsked() {
        ShopServices.reset(shop);
        given().contentType("application/json").header("X-Client-Name", "web")
                .body(new JsonObject().put("query", operation("web", "CategoryPage"))
                        .put("variables", new JsonObject().put("category", "c1"))
                        .put("extensions", new JsonObject().put("cost", true)).encode())
                .post("/graphql").then().statusCode(200)
                .body("data.products.edges", hasSize(20))
                .body("extensions.cost.requested", equalTo(281))
                .body("extensions.cost.limit", equalTo(5000))
                .body("extensions.cost.downstreamCalls", equalTo(3));
        ShopServices.reset(shop); // the page itself called the services, as it should
    }

    private static ValidatableResponse refused(String document, String code) {
        return query(document).statusCode(200)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo(code));
    }
}
