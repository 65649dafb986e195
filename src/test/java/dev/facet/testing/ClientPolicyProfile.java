package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Per-client policies an operator sets: the mobile client locked to its registered operations, as a production
 * mobile app would run (its team's {@code clients/mobile/} operations and nothing else), and the web client held to
 * a lower cost limit than the default. Public because Quarkus instantiates it reflectively.
 */
public class ClientPolicyProfile implements QuarkusTestProfile {

    public static final int WEB_MAX_COST = 200;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "facet.clients.mobile.documents", "registered-only",
                "facet.clients.web.limits.max-cost", String.valueOf(WEB_MAX_COST));
    }
}
