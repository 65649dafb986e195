package dev.facet.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.facet.testing.Shop.operation;
import static io.restassured.RestAssured.given;
import static dev.facet.testing.Shop.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.http.Fault;

import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input and failing services give clear errors with public codes, and nothing internal reaches a client. */
@QuarkusTest
@WithTestResource(ShopServices.class)
class PublicErrorsTests extends ShopTest {


    @Test
    void unknownProductIsNullWithNotFoundAndItsPath() {
        String body = query(operation("web", "ProductPage"), Map.of("id", "p99999"))
                .statusCode(200)
                .body("data.product", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].message", equalTo("No product with id 'p99999'"))
                .body("errors[0].path", contains("product"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .extract().asString();
        assertLeaksNothing(body);
    }

    @Test
    void firstOutsideOneToHundredIsBadUserInput() {
        for (int first : new int[] { 0, -1, 101 }) {
            String body = query("{ product(id: \"p6\") { name reviews(first: " + first + ") { body } } }")
                    .statusCode(200)
                    .body("data.product.name", equalTo("Product 6"))
                    .body("data.product.reviews", nullValue())
                    .body("errors[0].path", contains("product", "reviews"))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", startsWith("first must be between 1 and 100"))
                    .extract().asString();
            assertLeaksNothing(body);
        }
    }

    @Test
    void explicitNullFirstMeansTheFieldsDefault() {
        // p6 has six reviews; reviews' default is 10
        query("{ product(id: \"p6\") { reviews(first: null) { body } } }")
                .body("errors", nullValue())
                .body("data.product.reviews", hasSize(6));
    }

    @Test
    void oversizedCategoryPageIsRefusedBeforeAnyCall() {
        query("{ products(category: \"c1\", first: 500) { edges { cursor } } }")
                .statusCode(200)
                .body("data.products", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        shop.verify(0, getRequestedFor(urlPathMatching("/catalog/.*")));
    }

    @Test
    void forgedCursorIsBadUserInputAndNeverReachesTheCatalog() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", "c1");
        variables.put("after", "not-a-cursor");
        String body = query(operation("web", "CategoryPage"), variables)
                .statusCode(200)
                .body("data.products", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .extract().asString();
        assertLeaksNothing(body);
        shop.verify(0, getRequestedFor(urlPathMatching("/catalog/.*")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "v1:2147483647:", "v1:2147483640:c2", "v1:-1:", "v1:101:", "v1:0:a b", "v1:0:\n" })
    void cursorThatWouldOverflowOrCarryJunkNeverReachesTheCatalog(String plain) {
        // skip + first overflowed to a negative limit that passed the size check and went to the catalog
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", "c1");
        variables.put("after", forged);
        query(operation("web", "CategoryPage"), variables)
                .statusCode(200)
                .body("data.products", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        shop.verify(0, getRequestedFor(urlPathMatching("/catalog/.*")));
    }

    @Test
    void cursorTheCatalogRefusesIsBadUserInput() {
        // A well-formed cursor of ours carrying a catalog cursor the catalog never issued: the catalog answers 400.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1:0:garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", "c1");
        variables.put("after", forged);
        String body = query(operation("web", "CategoryPage"), variables)
                .body("data.products", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .extract().asString();
        assertLeaksNothing(body);
    }

    @Test
    void idThatCouldClimbAServicePathIsRefusedBeforeAnyCall() {
        for (String id : new String[] { "../users/u1", "p1/../../admin", "p1?x=1", "" }) {
            String body = query(operation("web", "ProductPage"), Map.of("id", id))
                    .statusCode(200)
                    .body("data.product", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .extract().asString();
            assertLeaksNothing(body);
        }
        assertThat(shop.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().startsWith("/catalog"));
    }

    @Test
    void variableOfTheWrongShapeNeverReachesAService() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", Map.of("nested", "object"));
        String body = query(operation("web", "ProductPage"), variables)
                .statusCode(200)
                .body("data.product", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .extract().asString();
        assertLeaksNothing(body);
        assertThat(shop.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().startsWith("/catalog"));
    }

    @Test
    void missingRequiredVariableIsAValidationErrorWithoutData() {
        String body = query(operation("web", "ProductPage"), Map.of())
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", startsWith("Variable 'id'"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .extract().asString();
        assertLeaksNothing(body);
    }

    @Test
    void unknownFieldIsAValidationErrorWithoutData() {
        String body = query("{ product(id: \"p6\") { nme } }")
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .extract().asString();
        assertLeaksNothing(body);
        assertThat(shop.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().startsWith("/catalog"));
    }

    @Test
    void documentThatDoesNotParseIsAParseErrorWithItsLocation() {
        String body = query("{ product(id: ")
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].locations[0].line", equalTo(1))
                .extract().asString();
        assertLeaksNothing(body);
    }

    @Test
    void bodyThatIsNotJsonIsABadRequest() {
        String body = given().contentType(ContentType.JSON).header("X-Client-Name", "web").body("{\"query\": ")
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .extract().asString();
        assertLeaksNothing(body);
    }

    @Test
    void failingServiceCostsOnlyItsOwnFields() {
        shop.stubFor(get(urlPathEqualTo("/inventory/stock")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("java.lang.IllegalStateException: db at 10.0.0.7")));
        String body = query(operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.rating.count", equalTo(6))
                .body("data.product.stock", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("product", "stock"))
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertLeaksNothing(body);
        assertThat(body).doesNotContain("10.0.0.7").doesNotContain("IllegalState");
    }

    @Test
    void unreadableAnswerFromAServiceIsDownstreamUnavailable() {
        shop.stubFor(get(urlPathEqualTo("/reviews/ratings")).atPriority(1)
                .willReturn(okJson("{\"this is\": not json")));
        String body = query(operation("web", "ProductPage"), Map.of("id", "p6"))
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.rating", nullValue())
                .body("errors[0].path", contains("product", "rating"))
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertLeaksNothing(body);
    }

    @Test
    void brokenConnectionIsDownstreamUnavailable() {
        shop.stubFor(get(urlPathMatching("/reviews/reviews")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String body = query(operation("web", "ProductPage"), Map.of("id", "p6"))
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.reviews", nullValue())
                .body("errors[0].path", contains("product", "reviews"))
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"))
                .extract().asString();
        assertLeaksNothing(body);
    }

    @Test
    void fieldsAServiceAddsLaterAreIgnored() {
        shop.stubFor(get(urlPathEqualTo("/catalog/products/p6")).atPriority(1).willReturn(okJson("""
                {"id":"p6","name":"Product 6","description":"Description of product 6","categoryId":"c6",
                 "priceCents":322,"currency":"EUR","imageUrls":[],"brand":{"id":"b1"},"launchedAt":"2026-01-01"}""")));
        query("{ product(id: \"p6\") { name price { formatted } } }")
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.price.formatted", equalTo("€3.22"));
    }

    private void assertLeaksNothing(String body) {
        Shop.assertLeaksNothing(body, shop);
    }
}
