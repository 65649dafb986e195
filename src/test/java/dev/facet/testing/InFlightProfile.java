package dev.facet.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An instance that holds at most two GraphQL requests at once, with services patient enough for a slow shop: the
 * requests a test keeps in flight are answered, not timed out. Public because Quarkus instantiates it reflectively.
 */
public class InFlightProfile implements QuarkusTestProfile {

    public static final int MAX_IN_FLIGHT = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(Map.of("facet.limits.max-in-flight", String.valueOf(MAX_IN_FLIGHT),
                "facet.downstream.deadline", "20s"));
        for (String service : ShopServices.SERVICES) {
            config.put("facet.downstream.services." + service + ".timeout", "10s");
        }
        return config;
    }
}
