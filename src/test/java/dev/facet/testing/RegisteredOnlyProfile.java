package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The mobile client locked to its registered operations, as a production mobile app would run: its team's
 * {@code clients/mobile/} operations and nothing else. Web stays open. Public because Quarkus instantiates it
 * reflectively.
 */
public class RegisteredOnlyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("facet.clients.mobile.documents", "registered-only");
    }
}
