package dev.facet.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An issuer without a discovery document, configured as application.properties tells operators to: discovery off
 * and the JWKS path given relative to {@code quarkus.oidc.auth-server-url} (which ShopServices sets to
 * {@code http://localhost:<port>/idp}). Public because Quarkus instantiates the profile reflectively.
 */
public class JwksWithoutDiscoveryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.discovery-enabled", "false",
                "quarkus.oidc.jwks-path", "jwks");
    }
}
