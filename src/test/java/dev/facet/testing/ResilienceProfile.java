package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Policies small enough to reach in a test, set as an operator would, one service per mechanism so the tests of
 * one never disturb another's: reviews has a breaker that opens after 4 calls and half-opens after 2.5 s (long
 * enough for a busy machine to send the requests that must find it open); inventory gives an attempt 300 ms;
 * recommendations lets one call in at a time and queues one more; catalog's breaker also looks at only 4 calls; the
 * request deadline is 1.5 s. Public because Quarkus instantiates it reflectively.
 */
public class ResilienceProfile implements QuarkusTestProfile {

    public static final int DEADLINE_MS = 1500;
    public static final int INVENTORY_TIMEOUT_MS = 300;
    public static final int BREAKER_DELAY_MS = 2500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "facet.downstream.deadline", DEADLINE_MS + "ms",
                "facet.downstream.services.reviews.breaker.request-volume", "4",
                "facet.downstream.services.reviews.breaker.delay", BREAKER_DELAY_MS + "ms",
                "facet.downstream.services.reviews.breaker.success-threshold", "1",
                "facet.downstream.services.catalog.breaker.request-volume", "4",
                "facet.downstream.services.inventory.timeout", INVENTORY_TIMEOUT_MS + "ms",
                "facet.downstream.services.recommendations.bulkhead.max-concurrent", "1",
                "facet.downstream.services.recommendations.bulkhead.queue", "1");
    }
}
