package dev.facet.security;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.send;
import static dev.facet.testing.Shop.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Unless configured otherwise the shop user is the token's {@code sub}, and only the {@code sub}: other claims that
 * look like a user name never decide who the caller is.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class DefaultUserIdClaimTests extends ShopTest {

    @Test
    void subDecidesEvenWhenAnotherClaimNamesSomeoneElse() {
        send(TestIdentityProvider.tokenFor("u4").claim("preferred_username", "u3").sign(),
                operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 4"));

        assertThat(urls(shop)).contains("/accounts/users/u4").doesNotContain("/accounts/users/u3");
    }

    @Test
    void tokenWithoutSubNamesNoUser() {
        // quarkus-oidc itself would fall back to preferred_username for the principal's name; Facet does not.
        send(TestIdentityProvider.tokenFor("u3").without("sub").claim("preferred_username", "u3").sign(),
                operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("data.me", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        assertThat(urls(shop)).isEmpty();
    }
}
