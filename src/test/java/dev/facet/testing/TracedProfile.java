package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Spans kept in memory ({@link InMemorySpans}) and every trace sampled whatever the default sampler, so the trace
 * tests can read each span Facet makes. Public because Quarkus instantiates it reflectively.
 */
public class TracedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(InMemorySpans.ENABLED, "true",
                "quarkus.otel.traces.sampler", "parentbased_always_on",
                // exported in batches: a short delay so a test finds its spans soon after its request
                "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
