package dev.facet.edge;

import static dev.facet.testing.Shop.operation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * /graphql speaks GraphQL over HTTP: JSON in, the negotiated media type out, GET for queries only, and a POST body
 * that is not JSON is refused unread — so a cross-site form or {@code text/plain} "simple request" can never run
 * an operation. Every refusal is checked to have cost the services nothing, and to leave Facet answering.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class GraphQLOverHttpTests extends ShopTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String PRODUCT = "{ product(id: \"p6\") { name } }";
    private static final String PLACE_ORDER = "mutation { placeOrder(input: { idempotencyKey: \"csrf\", "
            + "lines: [{ productId: \"p1\", quantity: 1 }] }) { id } }";


    @AfterEach
    void stillAnswers() {
        Shop.query(PRODUCT).statusCode(200).body("data.product.name", equalTo("Product 6"));
    }

    @Test
    void jsonIsTheAnswerWhenTheClientAsksForNothingInParticular() {
        for (String accept : new String[] { null, "*/*", "application/json", "text/html, application/*;q=0.5" }) {
            RequestSpecification request = web().body(json(PRODUCT));
            if (accept != null) {
                request = request.header("Accept", accept);
            }
            request.post("/graphql").then().statusCode(200)
                    .contentType(startsWith("application/json"))
                    .body("data.product.name", equalTo("Product 6"));
        }
    }

    @Test
    void graphqlResponseJsonWhenAcceptedAndThenRequestErrorsAre400WithoutData() {
        web().accept(GRAPHQL_RESPONSE + ", application/json;q=0.9").body(json(PRODUCT)).post("/graphql")
                .then().statusCode(200).contentType(startsWith(GRAPHQL_RESPONSE))
                .body("data.product.name", equalTo("Product 6"));
        web().accept(GRAPHQL_RESPONSE).body(json("{ product(id: \"p6\") { nme } }")).post("/graphql")
                .then().statusCode(400).contentType(startsWith(GRAPHQL_RESPONSE))
                .body("$", not(hasKey("data")))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        web().accept(GRAPHQL_RESPONSE).body(json("{ product(id: ")).post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"));
        // A field error is not a request error: the request ran, and its data is there.
        web().accept(GRAPHQL_RESPONSE).body(json("{ product(id: \"p99999\") { name } }")).post("/graphql")
                .then().statusCode(200).body("data.product", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void everyWellFormedRequestIs200UnderApplicationJson() {
        web().body(json("{ product(id: \"p6\") { nme } }")).post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        web().body("{\"query\": 42}").post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        web().body("{\"variables\": {}}").post("/graphql").then().statusCode(200)
                .body("errors[0].message", startsWith("The request needs a query"));
        web().body(Map.of("query", PRODUCT, "operationName", "Missing")).post("/graphql").then().statusCode(200)
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void parametersOfTheWrongTypeAreRefusedBeforeTheyAreRead() {
        web().accept(GRAPHQL_RESPONSE).body("{\"query\": \"" + PRODUCT.replace("\"", "\\\"")
                + "\", \"variables\": \"{}\"}").post("/graphql")
                .then().statusCode(400).body("errors[0].message", equalTo("variables must be an object"));
        web().accept(GRAPHQL_RESPONSE).body("{\"query\": \"{ __typename }\", \"operationName\": 7}")
                .post("/graphql").then().statusCode(400)
                .body("errors[0].message", equalTo("operationName must be a string"));
        assertNoServiceCalled();
    }

    @Test
    void bodyThatIsNotJsonIs400AndABatchOfAHundredOperationsIsRefused() {
        web().body("{\"query\": ").post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        String hundredOperations = "[" + String.join(",", java.util.Collections.nCopies(100, json(PRODUCT))) + "]";
        web().body(hundredOperations).post("/graphql").then().statusCode(400)
                .body("errors[0].message", startsWith("Batched requests are not supported"));
        assertNoServiceCalled();
    }

    @Test
    void crossSiteSimpleRequestsNeverRunAnOperation() throws Exception {
        // What a hostile page can make a browser send with the victim's credentials and no preflight.
        String token = TestIdentityProvider.tokenFor("u3").sign();
        for (String type : new String[] { "application/x-www-form-urlencoded", "text/plain", "multipart/form-data",
                "application/graphql", "application/json; charset=iso-8859-1", null }) {
            HttpResponse<String> answer = post(type, "Bearer " + token, json(PLACE_ORDER));
            assertThat(answer.statusCode()).as(type).isEqualTo(415);
            assertThat(answer.body()).as(type).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        }
        assertThat(post("application/x-www-form-urlencoded", "Bearer " + token,
                "query=" + java.net.URLEncoder.encode(PLACE_ORDER, StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(415);
        assertNoServiceCalled();
    }

    @Test
    void getRunsQueriesButNeverMutations() {
        given().header("X-Client-Name", "web").queryParam("query", "query P($id: ID!) { product(id: $id) { name } }")
                .queryParam("variables", "{\"id\":\"p7\"}").get("/graphql")
                .then().statusCode(200).body("data.product.name", equalTo("Product 7"));
        ShopServices.reset(shop);

        String token = TestIdentityProvider.tokenFor("u3").sign();
        given().header("Authorization", "Bearer " + token).queryParam("query", PLACE_ORDER).get("/graphql")
                .then().statusCode(405).header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
        assertNoServiceCalled();
    }

    @Test
    void clientThatAcceptsNeitherMediaTypeGets406() {
        web().accept("text/html").body(json(PRODUCT)).post("/graphql").then().statusCode(406)
                .body("errors[0].extensions.code", equalTo("NOT_ACCEPTABLE"));
        assertNoServiceCalled();
    }

    @Test
    void otherMethodsAre405() {
        web().body(json(PRODUCT)).put("/graphql").then().statusCode(405).header("Allow", "GET, POST");
        web().delete("/graphql").then().statusCode(405);
        assertNoServiceCalled();
    }

    @Test
    void answersCarrySecurityHeaders() {
        web().body(json(operation("web", "ProductPage"))).post("/graphql").then()
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", startsWith("default-src 'none'"));
        web().contentType("text/plain").body("{}").post("/graphql").then().statusCode(415)
                .header("X-Content-Type-Options", "nosniff");
    }

    /** A raw POST, as a browser would send it: whatever content type (none when null), nothing added. */
    private static HttpResponse<String> post(String contentType, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/graphql")).POST(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", authorization);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RequestSpecification web() {
        return given().contentType("application/json").header("X-Client-Name", "web");
    }

    private static String json(String query) {
        return new io.vertx.core.json.JsonObject().put("query", query).encode();
    }

    private void assertNoServiceCalled() {
        assertThat(Shop.urls(shop)).as("calls to the shop's services").isEmpty();
    }
}
