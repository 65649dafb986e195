package dev.facet.security;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.send;
import static dev.facet.testing.Shop.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * With {@code facet.identity.user-id-claim=preferred_username}, as Facet runs behind Keycloak: the shop user is the
 * token's login name, not its {@code sub} (a UUID Keycloak made up), and a valid token without that claim names no
 * user — user fields answer UNAUTHENTICATED, public ones still work, and nothing is INTERNAL.
 */
@QuarkusTest
@TestProfile(UserIdClaimTests.PreferredUsername.class)
@WithTestResource(ShopServices.class)
class UserIdClaimTests extends ShopTest {

    /** Public because Quarkus instantiates it reflectively. */
    public static class PreferredUsername implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("facet.identity.user-id-claim", "preferred_username");
        }
    }

    /** What Keycloak's tokens look like: a random sub and the login name beside it. */
    private static TestIdentityProvider.Token keycloakStyleToken(String login) {
        return TestIdentityProvider.tokenFor(UUID.randomUUID().toString()).claim("preferred_username", login);
    }

    @Test
    void accountPageIsTheUserNamedByTheConfiguredClaim() {
        TestIdentityProvider.Token token = keycloakStyleToken("u3");
        String sub = subjectOf(token.sign());

        send(token.sign(), operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 3"))
                .body("data.me.email", equalTo("user3@shop.example"));

        assertThat(urls(shop)).contains("/accounts/users/u3");
        // The UUID never reaches a service as if it were a user id.
        assertThat(urls(shop)).noneMatch(url -> url.contains(sub));
    }

    @Test
    void mobileHomeIsTheUserNamedByTheConfiguredClaim() {
        String token = keycloakStyleToken("u7").client(TestIdentityProvider.MOBILE).sign();

        send(token, operation("mobile", "Home"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.home.greeting", equalTo("Hello, User 7"))
                .body("data.home.recentOrders.id", contains("o7-3", "o7-2", "o7-1"));
    }

    @Test
    void placeOrderBuysForTheUserNamedByTheConfiguredClaim() {
        send(keycloakStyleToken("u5").sign(), operation("web", "PlaceOrder"), Map.of("input",
                Map.of("lines", List.of(Map.of("productId", "p1", "quantity", 1)), "idempotencyKey", "claim-tests-1")))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.placeOrder.status", equalTo("PLACED"));

        var posts = shop.findAll(postRequestedFor(urlPathEqualTo("/orders/orders")));
        assertThat(posts).hasSize(1);
        assertThat(JsonPath.from(posts.get(0).getBodyAsString()).getString("userId")).isEqualTo("u5");
    }

    @Test
    void validTokenWithoutTheClaimIsNotSignedInForUserFields() {
        // The sub is a perfectly good shop user id; it must not stand in for the missing claim.
        String token = TestIdentityProvider.tokenFor("u3").sign();

        send(token, operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("data.me", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", contains("me"));
        send(TestIdentityProvider.tokenFor("u3").client(TestIdentityProvider.MOBILE).sign(),
                operation("mobile", "Home"), Map.of())
                .statusCode(200)
                .body("data.home", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void validTokenWithoutTheClaimStillRunsPublicOperations() {
        send(TestIdentityProvider.tokenFor("u3").sign(), operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Product 6"));
    }

    @Test
    void claimThatIsNoStringIsNotSignedIn() {
        for (Object notAnId : List.of(3, "", List.of("u3"), Map.of("id", "u3"))) {
            send(TestIdentityProvider.tokenFor("u3").claim("preferred_username", notAnId).sign(),
                    operation("web", "AccountPage"), Map.of())
                    .statusCode(200)
                    .body("data.me", nullValue())
                    .body("errors", hasSize(1))
                    .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        }
        assertThat(urls(shop)).isEmpty();
    }

    private static String subjectOf(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sub");
    }
}
