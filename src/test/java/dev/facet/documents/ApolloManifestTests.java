package dev.facet.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facet.contract.ClientContracts;
import dev.facet.testing.ClientPolicyProfile;
import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A team may register exactly what its Apollo app sends: {@code clients/<client>/persisted-query-manifest.json},
 * written by {@code @apollo/generate-persisted-query-manifest}, registers each operation under its manifest id. The
 * test manifest ({@code src/test/resources/facet/clients/mobile/}) holds two mobile operations as Apollo Client
 * prints them, {@code __typename} included: {@code ProductTile} under Apollo's default id (the body's sha256) and
 * {@code ProductStock} under an id of the team's own. Mobile is registered-only here.
 */
@QuarkusTest
@TestProfile(ClientPolicyProfile.class)
@WithTestResource(ShopServices.class)
class ApolloManifestTests extends ShopTest {

    private static final String TILE = "query ProductTile($id: ID!) {\n  productCard(id: $id) {\n    id\n    title\n"
            + "    priceLabel\n    __typename\n  }\n}";
    private static final String STOCK = "query ProductStock($id: ID!) {\n  productCard(id: $id) {\n    inStock\n"
            + "    __typename\n  }\n}";
    private static final String STOCK_ID = "mobile-product-stock-2";

    @Inject
    ClientContracts contracts;

    @Test
    void manifestOperationsRunByTheirManifestIds() {
        post(persisted(Sha256.of(TILE)).put("variables", p6()))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.title", equalTo("Product 6"))
                .body("data.productCard.__typename", equalTo("ProductCard"));
        post(persisted(STOCK_ID).put("variables", p6()))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.inStock", equalTo(true));
    }

    @Test
    void manifestOperationsRunByTheirTextInAnyWhitespace() {
        post(new JsonObject().put("query", TILE).put("variables", p6()))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.priceLabel", equalTo("€3.22"));
        post(new JsonObject().put("query", STOCK.replaceAll("\\s+", " ")).put("variables", p6()))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.inStock", equalTo(true));
        // Apollo's own request with a manifest id: the id and the text together
        post(persisted(Sha256.of(TILE)).put("query", TILE).put("variables", p6()))
                .statusCode(200)
                .body("errors", nullValue());
    }

    @Test
    void anIdTheManifestDoesNotGiveIsRefused() {
        // the sha256 of ProductStock's body is not its id: the manifest names the one id the app sends
        for (String id : List.of(Sha256.of(STOCK), Sha256.of(TILE + " "), "mobile-product-stock-1")) {
            post(persisted(id).put("variables", p6()))
                    .statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        }
        assertThat(Shop.urls(shop)).as("calls to the shop's services").isEmpty();
    }

    @Test
    void theManifestsTypenamesAreNotOptional() {
        post(new JsonObject().put("query", TILE.replace("    __typename\n", "")).put("variables", p6()))
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("DOCUMENT_NOT_REGISTERED"));
        assertThat(Shop.urls(shop)).as("calls to the shop's services").isEmpty();
    }

    @Test
    void aManifestOperationThatDoesNotValidateStopsTheStart() {
        String invalid = manifest(operation("abc", "Broken", "query",
                "query Broken { productCard(id: \"p1\") { title weight } }"));
        assertThatThrownBy(() -> startWith(invalid))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clients/mobile/persisted-query-manifest.json")
                .hasMessageContaining("Broken")
                .hasMessageContaining("does not validate against the mobile schema")
                .hasMessageContaining("weight");
    }

    @Test
    void aManifestFacetCannotReadStopsTheStart() {
        assertThatThrownBy(() -> startWith("{\"format\": \"relay\", \"version\": 1, \"operations\": []}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clients/mobile/persisted-query-manifest.json")
                .hasMessageContaining("apollo-persisted-query-manifest");
        assertThatThrownBy(() -> startWith("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1,"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clients/mobile/persisted-query-manifest.json");
        assertThatThrownBy(() -> startWith(manifest(operation("x1", "Tile", "query", TILE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("named Tile")
                .hasMessageContaining("ProductTile");
        assertThatThrownBy(() -> startWith(manifest(operation("x1", "ProductTile", "query", TILE),
                operation("x1", "ProductStock", "query", STOCK))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x1");
    }

    private void startWith(String manifest) {
        new RegisteredDocuments(contracts,
                List.of(new ClientFolders.ClientFile("mobile/persisted-query-manifest.json", manifest)));
    }

    private static String manifest(JsonObject... operations) {
        return new JsonObject().put("format", "apollo-persisted-query-manifest").put("version", 1)
                .put("operations", new JsonArray(List.of((Object[]) operations))).encode();
    }

    private static JsonObject operation(String id, String name, String type, String body) {
        return new JsonObject().put("id", id).put("name", name).put("type", type).put("body", body);
    }

    private static JsonObject p6() {
        return new JsonObject().put("id", "p6");
    }

    private static JsonObject persisted(String id) {
        return new JsonObject().put("extensions", new JsonObject()
                .put("persistedQuery", new JsonObject().put("version", 1).put("sha256Hash", id)));
    }

    private static ValidatableResponse post(JsonObject body) {
        return given().contentType("application/json").header("X-Client-Name", "mobile").body(body.encode())
                .post("/graphql").then();
    }
}
