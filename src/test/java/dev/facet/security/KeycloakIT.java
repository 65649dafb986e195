package dev.facet.security;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.requestsByService;
import static dev.facet.testing.Shop.send;
import static dev.facet.testing.Shop.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.facet.security.KeycloakShop.InjectKeycloak;
import dev.facet.testing.ShopServices.InjectShop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;

/**
 * The jar Facet ships ({@code target/quarkus-app}, run with {@code docker/jvm.options}, prod profile) behind a real
 * Keycloak 26 that imported {@code docker/keycloak/shop-realm.json}, configured as compose configures it: OIDC
 * discovery against the realm, the issuer as users' apps see it, {@code facet.identity.user-id-claim=
 * preferred_username}. Tokens come from Keycloak's password grant, exactly as the README tells a developer to get
 * one.
 *
 * <p>Why the built jar ({@code @QuarkusIntegrationTest}) rather than a {@code @QuarkusTest} profile: what this
 * proves is a deployment — the artifact the image copies, with prod defaults (no demo services, introspection off,
 * no default client), the image's JVM options, and only configuration handed to it from outside — and it needs no
 * in-process access to Facet. It runs in failsafe's {@code integration-test} phase, after the jar is built.
 */
@QuarkusIntegrationTest
@WithTestResource(KeycloakShop.class)
class KeycloakIT {

    private static final String PASSWORD = "demo";

    @InjectShop
    WireMockServer shop;

    @InjectKeycloak
    KeycloakServer keycloak;

    @BeforeEach
    void clearJournal() {
        shop.resetRequests();
    }

    @Test
    void accountPageAsShopWebIsU3sAccount() {
        String token = keycloak.token(KeycloakShop.REALM, "shop-web", "u3", PASSWORD);
        JsonPath claims = claimsOf(token);
        // Keycloak's own user id: only the user-id claim makes Keycloak's u3 the shop's u3
        assertThat(claims.getString("sub")).isNotEqualTo("u3");
        assertThat(claims.getString("preferred_username")).isEqualTo("u3");

        send(token, operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 3"))
                .body("data.me.email", equalTo("user3@shop.example"))
                .body("data.me.orders.id", contains("o3-3", "o3-2", "o3-1"));

        assertThat(urls(shop)).contains("/accounts/users/u3")
                .noneMatch(url -> url.contains(claims.getString("sub")));
        // every service saw Keycloak's token, relayed as it came
        requestsByService(shop).forEach((service, requests) -> requests.forEach(request -> assertThat(
                request.getRequest().getHeader("Authorization")).as(service).isEqualTo("Bearer " + token)));
    }

    @Test
    void homeAsShopMobileIsU3sHome() {
        String token = keycloak.token(KeycloakShop.REALM, "shop-mobile", "u3", PASSWORD);
        assertThat(claimsOf(token).getString("azp")).isEqualTo("shop-mobile");

        send(token, operation("mobile", "Home"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.home.greeting", equalTo("Hello, User 3"))
                // recommendations for u3 start at p(3*31 % 10000 + 1) = p94; u3 has 3 % 4 = 3 orders
                .body("data.home.recommended[0].id", equalTo("p94"))
                .body("data.home.recentOrders.id", contains("o3-3", "o3-2", "o3-1"));
    }

    @Test
    void eachKeycloakClientGetsItsOwnSchema() {
        // The token's azp picks the schema: web's page does not exist for mobile, nor mobile's for web.
        String web = keycloak.token(KeycloakShop.REALM, "shop-web", "u3", PASSWORD);
        String mobile = keycloak.token(KeycloakShop.REALM, "shop-mobile", "u3", PASSWORD);

        send(mobile, operation("web", "AccountPage"), Map.of())
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        send(web, operation("mobile", "Home"), Map.of())
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void tokenOfAnotherRealmIsRefused() {
        // Same Keycloak, same client and user names, audience facet: only the realm (issuer and keys) differs.
        String stranger = keycloak.token(KeycloakShop.OTHER_REALM, "shop-web", "u3", PASSWORD);
        JsonPath claims = claimsOf(stranger);
        assertThat(claims.getString("iss")).isEqualTo(keycloak.issuer(KeycloakShop.OTHER_REALM));
        assertThat(claims.getList("aud")).contains("facet");

        send(stranger, operation("web", "AccountPage"), Map.of()).statusCode(401);
        send(stranger, operation("web", "ProductPage"), Map.of("id", "p6")).statusCode(401);
        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void expiredTokenIsRefused() throws InterruptedException {
        String token = keycloak.token(KeycloakShop.REALM, KeycloakShop.SHORT_LIVED_CLIENT, "u3", PASSWORD);
        long expiresAt = claimsOf(token).getLong("exp");
        assertThat(expiresAt - claimsOf(token).getLong("iat")).isEqualTo(KeycloakShop.SHORT_LIFESPAN_SECONDS);

        // While it lasts the token is as good as any other web token...
        send(token, operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("data.me.name", equalTo("User 3"));

        // ...and once it has expired it is refused, before any service is asked.
        while (System.currentTimeMillis() / 1000 <= expiresAt + 1) {
            Thread.sleep(250);
        }
        shop.resetRequests();
        send(token, operation("web", "AccountPage"), Map.of()).statusCode(401);
        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void anonymousCallerStillGetsTheShop() {
        // Prod has no default client: an anonymous request names its client.
        dev.facet.testing.Shop.queryAs("mobile", operation("mobile", "ProductDetail"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.title", equalTo("Product 6"));
        dev.facet.testing.Shop.queryAs("web", operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("data.me", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    private static JsonPath claimsOf(String jwt) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
