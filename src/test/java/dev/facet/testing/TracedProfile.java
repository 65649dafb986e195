package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Spans kept in memory ({@link InMemorySpans}), so the trace tests can read each span Facet makes — under the
 * sampler Facet ships with (every trace the caller did not decline). Public because Quarkus instantiates it
 * reflectively.
 */
public class TracedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(InMemorySpans.ENABLED, "true",
                // exported in batches: a short delay so a test finds its spans soon after its request
                "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
