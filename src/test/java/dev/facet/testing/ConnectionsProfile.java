package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An instance that keeps at most 24 client connections open at once. Public because Quarkus instantiates it
 * reflectively.
 */
public class ConnectionsProfile implements QuarkusTestProfile {

    public static final int MAX_CONNECTIONS = 24;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.limits.max-connections", String.valueOf(MAX_CONNECTIONS));
    }
}
