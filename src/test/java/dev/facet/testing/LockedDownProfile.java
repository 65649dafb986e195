package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Facet as a locked-down production would run it: an issuer without a discovery document, configured as
 * application.properties tells operators to (discovery off, the JWKS path relative to
 * {@code quarkus.oidc.auth-server-url}, which ShopServices sets to {@code http://localhost:<port>/idp}), and a
 * client that may not introspect its schema. One profile for both, because every profile costs a restart.
 * Public because Quarkus instantiates it reflectively.
 */
public class LockedDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.discovery-enabled", "false",
                "quarkus.oidc.jwks-path", "jwks",
                "facet.clients.mobile.introspection", "false");
    }
}
