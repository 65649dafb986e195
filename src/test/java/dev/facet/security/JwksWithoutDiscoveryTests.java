package dev.facet.security;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.send;
import static dev.facet.testing.Shop.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.facet.testing.LockedDownProfile;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopServices.InjectShop;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Tokens are verified against a JWKS fetched from a configured path when the issuer publishes no discovery
 * document.
 *
 * <p>How "discovery was never used" is proven: this profile restarts Quarkus together with its test resources, so
 * the WireMock server this class sees is a fresh one whose journal, until the first {@link #resetShop()} clears it,
 * holds everything since Facet started (other classes of the profile never reset it), including what it fetched
 * while starting — which is when quarkus-oidc reads the discovery document (if
 * enabled) and the JWKS (resolved early by default). That start-up journal is kept before the first reset. After
 * every reset the discovery document answers 404, so a discovery fetch during a test would both fail and show in
 * the journal. Together: from start-up to the last test, Facet never asked for the discovery document, yet
 * verified tokens with keys that can only have come from {@code /idp/jwks}.
 */
@QuarkusTest
@TestProfile(LockedDownProfile.class)
@WithTestResource(ShopServices.class)
class JwksWithoutDiscoveryTests {

    private static final String DISCOVERY = "/idp/.well-known/openid-configuration";
    private static final String JWKS = "/idp/jwks";

    /** Every URL this profile's WireMock server received while Facet started, before any test ran. */
    private static List<String> startupRequests;

    @InjectShop
    WireMockServer shop;

    @BeforeEach
    void resetShop() {
        if (startupRequests == null) {
            startupRequests = shop.getAllServeEvents().stream().map(event -> event.getRequest().getUrl()).toList();
        }
        ShopServices.reset(shop);
        // Take the discovery document away: were Facet to look for it now, it would find nothing.
        shop.stubFor(get(urlPathEqualTo(DISCOVERY)).willReturn(notFound()));
    }

    @Test
    void startupFetchedTheJwksAndNeverTheDiscoveryDocument() {
        // Other classes of this profile may have run first and called the services, but none resets the journal
        // before this class does: it still holds everything since start-up, and no discovery fetch among it.
        assertThat(startupRequests).contains(JWKS);
        assertThat(startupRequests).noneMatch(url -> url.startsWith(DISCOVERY));
    }

    @Test
    void validTokenIsVerifiedWithTheConfiguredJwks() {
        send(TestIdentityProvider.tokenFor("u3").sign(), operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 3"))
                .body("data.me.tier", equalTo("GOLD"));

        assertThat(shop.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().startsWith(DISCOVERY));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        String body = send(TestIdentityProvider.tokenFor("u3").signedByAnotherKey().sign(),
                operation("web", "AccountPage"), Map.of())
                .statusCode(401)
                .extract().asString();

        assertThat(body).doesNotContain("User ");
        assertThat(urls(shop)).isEmpty();
        assertThat(shop.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().startsWith(DISCOVERY));
    }
}
