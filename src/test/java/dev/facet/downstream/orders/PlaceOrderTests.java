package dev.facet.downstream.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.Shop.assertLeaksNothing;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * What reaches the orders service when a user buys: an idempotency key that stays the user's own and the
 * purchase's own whatever characters the client chose, and never the same key for two different carts.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class PlaceOrderTests extends ShopTest {

    private static final List<Map<String, Object>> ONE_P1 = List.of(Map.of("productId", "p1", "quantity", 1));
    private static final List<Map<String, Object>> TWO_P7 = List.of(Map.of("productId", "p7", "quantity", 2));

    // -----------------------------------------------------------------------------------------------------------
    // The key on the wire
    // -----------------------------------------------------------------------------------------------------------

    @Test
    void keysThatDifferOnlyBeyondLatin1AreTwoPurchases() {
        // As a header, every character above U+00FF became '?': both keys went out as "????-1".
        String token = TestIdentityProvider.tokenFor("u5").sign();
        String first = placed(token, "ключ-1", ONE_P1);
        String second = placed(token, "шлюз-1", ONE_P1);

        assertThat(second).isNotEqualTo(first);
        List<String> sent = sentKeys();
        // (a busy machine may time an attempt out and retry it: with the same key, which is the point)
        assertThat(sent.stream().distinct().toList())
                .containsExactly(sha256("u5\nключ-1"), sha256("u5\nшлюз-1"));
    }

    @Test
    void twoUsersWithTheSameKeySendDifferentKeys() {
        placed(TestIdentityProvider.tokenFor("u5").sign(), "checkout-1", ONE_P1);
        placed(TestIdentityProvider.tokenFor("u6").sign(), "checkout-1", ONE_P1);

        assertThat(sentKeys()).containsExactly(sha256("u5\ncheckout-1"), sha256("u6\ncheckout-1"));
        // A digest is safe in any header: lower-case hex only.
        assertThat(sentKeys()).allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"));
    }

    @Test
    void keysFacetCannotAcceptAreBadInputAndMakeNoCall() {
        String token = TestIdentityProvider.tokenFor("u5").sign();
        // JSON escapes, as a client sends them: a lone surrogate cannot even be written as UTF-8.
        for (String key : List.of("line\\r\\nX-Injected: 1", "tab\\there", "nul\\u0000", "   ", "x".repeat(201),
                "lone \\ud800 surrogate", "\\udfff")) {
            String body = placeWithRawKey(token, key)
                    .statusCode(200)
                    .body("data.placeOrder", nullValue())
                    .body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].path[0]", equalTo("placeOrder"))
                    .extract().asString();
            assertLeaksNothing(body, shop);
        }
        assertThat(sentKeys()).isEmpty();
        // and an ordinary purchase right after still goes through
        placed(token, "after-the-refusals", ONE_P1);
    }

    // -----------------------------------------------------------------------------------------------------------
    // One key, one cart
    // -----------------------------------------------------------------------------------------------------------

    @Test
    void sameKeyAndSameCartAgainReturnsTheSameOrder() {
        String token = TestIdentityProvider.tokenFor("u8").sign();
        String first = placed(token, "retry-after-lost-answer", TWO_P7);
        String again = placed(token, "retry-after-lost-answer", TWO_P7);

        assertThat(again).isEqualTo(first);
        assertThat(sentKeys()).hasSize(2).containsOnly(sha256("u8\nretry-after-lost-answer"));
    }

    @Test
    void sameCartInAnotherOrderOfLinesIsTheSamePurchase() {
        String token = TestIdentityProvider.tokenFor("u8").sign();
        String first = placed(token, "reordered", List.of(Map.of("productId", "p1", "quantity", 1),
                Map.of("productId", "p7", "quantity", 2)));
        String again = placed(token, "reordered", List.of(Map.of("productId", "p7", "quantity", 2),
                Map.of("productId", "p1", "quantity", 1)));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void keyReusedForAnotherCartIsRefusedWithoutACall() {
        String token = TestIdentityProvider.tokenFor("u9").sign();
        placed(token, "reused-key", ONE_P1);

        List<Map<String, Object>> threeP1 = List.of(Map.of("productId", "p1", "quantity", 3));
        for (List<Map<String, Object>> other : List.of(TWO_P7, threeP1)) {
            String body = place(token, "reused-key", other)
                    .statusCode(200)
                    .body("data.placeOrder", nullValue())
                    .body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("IDEMPOTENCY_KEY_REUSED"))
                    .body("errors[0].path[0]", equalTo("placeOrder"))
                    .extract().asString();
            assertLeaksNothing(body, shop);
        }
        // The orders service replays by key only: had these gone out, they would have "returned" the first order.
        assertThat(sentKeys()).hasSize(1);
    }

    @Test
    void anotherUsersKeyIsNoReuse() {
        placed(TestIdentityProvider.tokenFor("u9").sign(), "shared-key", ONE_P1);
        String other = placed(TestIdentityProvider.tokenFor("u10").sign(), "shared-key", TWO_P7);

        assertThat(other).isNotNull();
        assertThat(sentKeys()).hasSize(2);
    }

    @Test
    void aRefusedCartDoesNotHoldItsKey() {
        // The orders service forgets requests it refused, so a corrected cart may use the same key.
        String token = TestIdentityProvider.tokenFor("u9").sign();
        place(token, "corrected-cart", List.of(Map.of("productId", "p99999", "quantity", 1)))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        placed(token, "corrected-cart", ONE_P1);
        assertThat(sentKeys()).hasSize(2);
    }

    // -----------------------------------------------------------------------------------------------------------

    private static ValidatableResponse place(String token, String key, List<Map<String, Object>> lines) {
        return send(token, operation("web", "PlaceOrder"),
                Map.of("input", Map.of("idempotencyKey", key, "lines", lines)));
    }

    /** Sends {@code jsonKey} as it is written into the JSON body, escapes included. */
    private static ValidatableResponse placeWithRawKey(String token, String jsonKey) {
        String body = """
                {"query": %s, "variables": {"input": {"idempotencyKey": "%s",
                 "lines": [{"productId": "p1", "quantity": 1}]}}}"""
                .formatted(io.vertx.core.json.Json.encode(operation("web", "PlaceOrder")), jsonKey);
        return io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .header("Authorization", "Bearer " + token).body(body)
                .when().post("/graphql").then();
    }

    /** Places the order and answers its id. */
    private static String placed(String token, String key, List<Map<String, Object>> lines) {
        return place(token, key, lines)
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.placeOrder.status", equalTo("PLACED"))
                .extract().path("data.placeOrder.id");
    }

    /** The Idempotency-Key of every order that reached the orders service, oldest first. */
    private List<String> sentKeys() {
        return shop.findAll(postRequestedFor(urlPathEqualTo("/orders/orders"))).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(request -> request.getHeader("Idempotency-Key"))
                .toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
