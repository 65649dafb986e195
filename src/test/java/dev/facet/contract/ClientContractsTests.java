package dev.facet.contract;

import static dev.facet.testing.Shop.MOBILE;
import static dev.facet.testing.Shop.WEB;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.queryAs;
import static dev.facet.testing.Shop.send;
import static dev.facet.testing.Shop.sendAs;
import static dev.facet.testing.Shop.urls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;


import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import graphql.introspection.IntrospectionQuery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Web and mobile share one endpoint but each sees, may use and runs against only its own schema: the other
 * client's operations are validation errors, introspection shows one schema, and a document validated for one
 * client is never executed for the other.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class ClientContractsTests extends ShopTest {


    /** Every registered operation, with the client that registered it and the one that did not. */
    static Stream<Arguments> operationsOfTheOtherClient() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String client : List.of(WEB, MOBILE)) {
            String other = client.equals(WEB) ? MOBILE : WEB;
            try (Stream<Path> files = Files.list(Path.of("clients", client))) {
                files.map(file -> file.getFileName().toString().replace(".graphql", "")).sorted()
                        .forEach(name -> cases.add(Arguments.of(client, name, other)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}/{1} sent as {2}")
    @MethodSource("operationsOfTheOtherClient")
    void operationOfTheOtherClientIsAValidationErrorByHeader(String owner, String name, String other) {
        assertRejectedAsInvalid(queryAs(other, operation(owner, name), variablesFor(name)));
    }

    @ParameterizedTest(name = "{0}/{1} sent with a {2} token")
    @MethodSource("operationsOfTheOtherClient")
    void operationOfTheOtherClientIsAValidationErrorByToken(String owner, String name, String other) {
        String token = TestIdentityProvider.tokenFor("u3").client(oidcClientOf(other)).sign();
        assertRejectedAsInvalid(send(token, operation(owner, name), variablesFor(name)));
    }

    @Test
    void headerNameIsCaseInsensitive() {
        given().contentType("application/json").header("x-client-name", MOBILE)
                .body(Map.of("query", operation(MOBILE, "ProductDetail"), "variables", Map.of("id", "p6")))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.title", equalTo("Product 6"));
    }

    @Test
    void tokenNamingItsClientWithClientIdWorksLikeAzp() {
        String token = TestIdentityProvider.tokenFor("u7").clientIdInsteadOfAzp(TestIdentityProvider.MOBILE).sign();
        send(token, operation(MOBILE, "Home"), Map.of())
                .body("errors", nullValue())
                .body("data.home.greeting", equalTo("Hello, User 7"));
    }

    @Test
    void tokenAndHeaderNamingDifferentClientsAreRefused() {
        String mobileToken = TestIdentityProvider.tokenFor("u3").client(TestIdentityProvider.MOBILE).sign();
        sendAs(WEB, mobileToken, operation(WEB, "AccountPage"), Map.of())
                .statusCode(403)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void headerAgreeingWithTheTokenIsFine() {
        String webToken = TestIdentityProvider.tokenFor("u3").sign();
        sendAs(WEB, webToken, operation(WEB, "AccountPage"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 3"));
    }

    @Test
    void tokenOfAClientNobodyConfiguredIsRefused() {
        String token = TestIdentityProvider.tokenFor("u3").client("shop-kiosk").sign();
        send(token, operation(WEB, "ProductPage"), Map.of("id", "p6"))
                .statusCode(403)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void unknownOrMissingClientIsABadRequestNamingNothingInternal() {
        String unknown = queryAs("tv", operation(WEB, "ProductPage"), Map.of("id", "p6"))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("UNKNOWN_CLIENT"))
                .extract().asString();
        String missing = sendAs(null, null, operation(WEB, "ProductPage"), Map.of("id", "p6"))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("UNKNOWN_CLIENT"))
                .extract().asString();
        assertThat(unknown + missing).doesNotContain("Exception").doesNotContain("dev.facet").doesNotContain("web")
                .doesNotContain("mobile");
        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void misspelledFieldSuggestsNothingOfTheOtherClient() {
        String body = queryAs(MOBILE, "{ produc(id: \"p6\") { name } }", Map.of())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .extract().asString();
        assertThat(body).doesNotContain("Did you mean").doesNotContain("'product'").doesNotContain("products");
    }

    @Test
    void standardIntrospectionShowsEachClientOnlyItsOwnSchema() {
        List<String> web = typeNames(introspect(WEB));
        List<String> mobile = typeNames(introspect(MOBILE));

        assertThat(web).contains("Product", "Money", "User", "Order", "PlaceOrderInput", "PublicProfile")
                .doesNotContain("ProductCard", "Home", "OrderSummary");
        assertThat(mobile).contains("ProductCard", "Home", "OrderSummary")
                .doesNotContain("Product", "Money", "User", "Order", "PlaceOrderInput", "PublicProfile", "Mutation");
    }

    @Test
    void introspectionNeverShowsTheClientMarker() {
        for (String client : List.of(WEB, MOBILE)) {
            List<String> directives = introspect(client).getList("data.__schema.directives.name");
            assertThat(directives).isNotEmpty().doesNotContain(SchemaProjection.DIRECTIVE);
        }
    }

    @Test
    void typeLookupOfTheOtherClientsTypeIsNull() {
        queryAs(MOBILE, "{ __type(name: \"Product\") { name } }", Map.of())
                .body("errors", nullValue())
                .body("data.__type", nullValue());
        queryAs(WEB, "{ __type(name: \"Product\") { name } }", Map.of())
                .body("data.__type.name", equalTo("Product"));
        queryAs(WEB, "{ __type(name: \"ProductCard\") { name } }", Map.of())
                .body("data.__type", nullValue());
    }

    @Test
    void eachClientGetsItsOwnSdlAndNobodyTheWholeGraph() {
        String web = given().header("X-Client-Name", WEB).get("/graphql/schema.graphql").then().statusCode(200)
                .extract().asString();
        String mobile = given().header("X-Client-Name", MOBILE).get("/graphql/schema.graphql").then()
                .statusCode(200).extract().asString();
        assertThat(web).contains("type Product ").doesNotContain("ProductCard").doesNotContain("servedTo");
        assertThat(mobile).contains("type ProductCard ").doesNotContain("type Product ").doesNotContain("servedTo");
        given().get("/graphql/schema.graphql").then().statusCode(400);
    }

    @Test
    void documentValidatedForWebIsValidatedAgainForMobile() {
        String document = "{ product(id: \"p6\") { name } }";
        queryAs(WEB, document, Map.of()).body("data.product.name", equalTo("Product 6"));
        shop.resetRequests();
        assertRejectedAsInvalid(queryAs(MOBILE, document, Map.of()));
        queryAs(WEB, document, Map.of()).body("data.product.name", equalTo("Product 6"));
    }

    @Test
    void interleavedWebAndMobileRequestsOfOneDocumentNeverCrossOver() throws Exception {
        String document = "{ product(id: \"p7\") { name } }";
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String client = i % 2 == 0 ? WEB : MOBILE;
                calls.add(() -> client + ":" + queryAs(client, document, Map.of()).extract().asString());
            }
            for (Future<String> answer : callers.invokeAll(calls)) {
                String result = answer.get();
                if (result.startsWith(WEB + ":")) {
                    assertThat(result).contains("\"name\":\"Product 7\"").doesNotContain("errors");
                } else {
                    assertThat(result).contains("GRAPHQL_VALIDATION_FAILED").doesNotContain("Product 7");
                }
            }
        } finally {
            callers.shutdownNow();
        }
        // Only the web half reached the catalog: one call per web request at most, none for mobile.
        assertThat(urls(shop)).allMatch(url -> url.startsWith("/catalog/products/p7")).hasSizeLessThanOrEqualTo(20);
    }

    private void assertRejectedAsInvalid(ValidatableResponse response) {
        response.statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", notNullValue());
        assertThat(urls(shop)).as("no service is called for an operation the client may not use").isEmpty();
    }

    private static JsonPath introspect(String client) {
        return queryAs(client, IntrospectionQuery.INTROSPECTION_QUERY, Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .extract().jsonPath();
    }

    private static List<String> typeNames(JsonPath introspection) {
        return introspection.getList("data.__schema.types.name");
    }

    private static String oidcClientOf(String client) {
        return client.equals(WEB) ? TestIdentityProvider.WEB : TestIdentityProvider.MOBILE;
    }

    private static Map<String, Object> variablesFor(String operation) {
        return switch (operation) {
            case "ProductPage", "ProductDetail" -> Map.of("id", "p6");
            case "CategoryPage" -> Map.of("category", "c3");
            case "PlaceOrder" -> Map.of("input", Map.of("lines", List.of(Map.of("productId", "p1", "quantity", 1)),
                    "idempotencyKey", "contract-tests"));
            default -> Map.of();
        };
    }
}
