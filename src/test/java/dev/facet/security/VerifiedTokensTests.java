package dev.facet.security;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.web.RoutingContext;

/**
 * A token verified once is taken on trust for a while — and that trust never reaches further than the verification
 * would: each token stays its own user, a token past its expiry is refused though it was remembered, and a token
 * that differs from a remembered one in any way (another signature over the same claims) is verified, and refused.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class VerifiedTokensTests extends ShopTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void rememberedTokensStayTheirOwnUsers() {
        String u3 = TestIdentityProvider.tokenFor("u3").sign();
        String u4 = TestIdentityProvider.tokenFor("u4").sign();

        for (int round = 0; round < 3; round++) {
            send(u3, operation("web", "AccountPage"), Map.of()).statusCode(200).body("data.me.name", equalTo("User 3"));
            send(u4, operation("web", "AccountPage"), Map.of()).statusCode(200).body("data.me.name", equalTo("User 4"));
        }

        // each verified once, then answered from memory as its own user
        assertThat(tokens.find(u3).getPrincipal().getName()).isEqualTo("u3");
        assertThat(tokens.find(u4).getPrincipal().getName()).isEqualTo("u4");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        String shortLived = TestIdentityProvider.tokenFor("u3").expiresInSeconds(2).sign();
        send(shortLived, operation("web", "AccountPage"), Map.of()).statusCode(200)
                .body("data.me.name", equalTo("User 3"));
        assertThat(tokens.find(shortLived)).isNotNull();

        Thread.sleep(3_500);

        send(shortLived, operation("web", "AccountPage"), Map.of()).statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void theSameClaimsUnderAnotherSignatureAreVerifiedAndRefused() {
        TestIdentityProvider.Token claims = TestIdentityProvider.tokenFor("u5");
        String genuine = claims.sign();
        send(genuine, operation("web", "AccountPage"), Map.of()).statusCode(200)
                .body("data.me.name", equalTo("User 5"));

        String forged = claims.signedByAnotherKey().sign();
        send(forged, operation("web", "AccountPage"), Map.of()).statusCode(401);
        send(forged, operation("web", "AccountPage"), Map.of()).statusCode(401); // refused each time, never remembered

        assertThat(tokens.find(genuine)).isNotNull();
        assertThat(tokens.find(forged)).isNull();
    }

    @Test
    void aRememberedIdentityHoldsNoRequest() {
        String token = TestIdentityProvider.tokenFor("u2").sign();
        send(token, operation("web", "AccountPage"), Map.of()).statusCode(200);

        SecurityIdentity remembered = tokens.find(token);

        assertThat(remembered).isNotNull();
        assertThat(remembered.getAttributes().values()).noneMatch(RoutingContext.class::isInstance);
        assertThat(remembered.getPrincipal().getName()).isEqualTo("u2");
    }
}
