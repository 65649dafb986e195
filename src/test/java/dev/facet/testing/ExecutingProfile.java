package dev.facet.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An instance that executes at most two queries at once and holds up to ten requests, with services patient enough
 * for a slow shop. Public because Quarkus instantiates it reflectively.
 */
public class ExecutingProfile implements QuarkusTestProfile {

    public static final int MAX_EXECUTING = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(Map.of(
                "facet.limits.max-executing-queries", String.valueOf(MAX_EXECUTING),
                "facet.limits.max-in-flight", "10",
                "facet.downstream.deadline", "20s"));
        for (String service : ShopServices.SERVICES) {
            config.put("facet.downstream.services." + service + ".timeout", "10s");
        }
        return config;
    }
}
