package dev.facet.documents;

import static dev.facet.testing.Shop.operation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * Trusted documents and persisted queries: the operations under {@code clients/<client>/} are that client's
 * manifest (id = sha256 of the file), and a {@code registered-only} client (mobile here) may send nothing else —
 * by id or as full text in any whitespace. Other clients may also register documents at run time by hash, the
 * way Apollo's clients do.
 */
@QuarkusTest
@TestProfile(ClientPolicyProfile.class)
@WithTestResource(ShopServices.class)
class TrustedDocumentsTests extends ShopTest {


    @Test
    void registeredOnlyClientRefusesAnAdHocQueryBeforeAnyCall() {
        post("mobile", new JsonObject().put("query", "{ productCard(id: \"p6\") { title } }"))
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("DOCUMENT_NOT_REGISTERED"));
        assertThat(Shop.urls(shop)).isEmpty();
    }

    @Test
    void registeredOnlyClientRunsARegisteredOperationById() {
        String id = Sha256.of(operation("mobile", "ProductDetail"));
        post("mobile", persisted(id).put("variables", new JsonObject().put("id", "p6")))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.title", equalTo("Product 6"));
    }

    @Test
    void registeredOperationAlsoArrivesAsTextInAnyWhitespace() {
        String reformatted = operation("mobile", "ProductDetail").replaceAll("\\s+", "  ").strip() + "\n\n";
        post("mobile", new JsonObject().put("query", reformatted).put("variables", new JsonObject().put("id", "p6")))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.title", equalTo("Product 6"));
    }

    @Test
    void registeredOnlyClientCannotRegisterANewDocumentByHash() {
        String adHoc = "{ productCard(id: \"p6\") { title } }";
        post("mobile", persisted(Sha256.of(adHoc)).put("query", adHoc))
                .body("errors[0].extensions.code", equalTo("DOCUMENT_NOT_REGISTERED"));
        post("mobile", persisted(Sha256.of(adHoc)))
                .statusCode(200)
                .body("errors[0].message", equalTo("PersistedQueryNotFound"));
        assertThat(Shop.urls(shop)).isEmpty();
    }

    @Test
    void unknownHashIsApollosPersistedQueryNotFoundThenTheFullTextRegistersIt() {
        String query = "{ product(id: \"p7\") { name } }";
        String hash = Sha256.of(query);
        for (String accept : new String[] { "application/json", "application/graphql-response+json" }) {
            given().contentType("application/json").accept(accept).header("X-Client-Name", "web")
                    .body(persisted(Sha256.of(query + accept)).encode()).post("/graphql")
                    .then().statusCode(200)
                    .body("data", nullValue())
                    .body("errors", hasSize(1))
                    .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                    .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        }
        post("web", persisted(hash).put("query", query)).body("data.product.name", equalTo("Product 7"));
        post("web", persisted(hash)).body("errors", nullValue()).body("data.product.name", equalTo("Product 7"));
        // the mobile client never learns what web registered
        post("mobile", persisted(hash)).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void hashThatDoesNotMatchItsQueryIsRefused() {
        post("web", persisted(Sha256.of("{ __typename }")).put("query", "{ product(id: \"p7\") { name } }"))
                .body("errors[0].message", equalTo("provided sha does not match query"));
        assertThat(Shop.urls(shop)).isEmpty();
    }

    @Test
    void onlyADocumentThatValidatesIsRegistered() {
        String invalid = "{ product(id: \"p7\") { nope } }";
        post("web", persisted(Sha256.of(invalid)).put("query", invalid))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        post("web", persisted(Sha256.of(invalid)))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        String tooDeep = "{ " + "product(id: \"p6\") { ".repeat(20) + "name" + " }".repeat(20) + " }";
        post("web", persisted(Sha256.of(tooDeep)).put("query", tooDeep))
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_DEEP"));
        post("web", persisted(Sha256.of(tooDeep)))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void persistedQueryOverGetWorksForQueries() {
        String query = "{ product(id: \"p8\") { name } }";
        post("web", persisted(Sha256.of(query)).put("query", query)).body("data.product.name", equalTo("Product 8"));
        given().header("X-Client-Name", "web")
                .queryParam("extensions", persisted(Sha256.of(query)).getJsonObject("extensions").encode())
                .get("/graphql").then().statusCode(200).body("data.product.name", equalTo("Product 8"));
    }

    private static JsonObject persisted(String hash) {
        return new JsonObject().put("extensions", new JsonObject()
                .put("persistedQuery", new JsonObject().put("version", 1).put("sha256Hash", hash)));
    }

    private static ValidatableResponse post(String client, JsonObject body) {
        return given().contentType("application/json").header("X-Client-Name", client).body(body.encode())
                .post("/graphql").then();
    }
}
