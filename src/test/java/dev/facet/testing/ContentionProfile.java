package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Limits small enough for one test to fill a bulkhead or spend a retry budget, set as an operator would, one
 * service per mechanism: the orders service's reads get one place and one queue slot, and its writes the same of
 * their own; reviews has four places and one queue slot, and a request may have three calls in flight to any one
 * service; accounts may retry at most a tenth of its calls, with no minimum; catalog keeps the default retries
 * (to watch their backoff); recommendations is never retried and has one place, one queue slot and a breaker that
 * opens when its last four calls all failed. Public because Quarkus instantiates it reflectively.
 */
public class ContentionProfile implements QuarkusTestProfile {

    public static final int MAX_CALLS_IN_FLIGHT_PER_REQUEST = 3;
    public static final int REVIEWS_MAX_CONCURRENT = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("facet.downstream.max-calls-in-flight-per-request",
                        String.valueOf(MAX_CALLS_IN_FLIGHT_PER_REQUEST)),
                Map.entry("facet.downstream.services.orders.bulkhead.max-concurrent", "1"),
                Map.entry("facet.downstream.services.orders.bulkhead.queue", "1"),
                Map.entry("facet.downstream.services.orders.writes.bulkhead.max-concurrent", "1"),
                Map.entry("facet.downstream.services.orders.writes.bulkhead.queue", "1"),
                Map.entry("facet.downstream.services.reviews.bulkhead.max-concurrent",
                        String.valueOf(REVIEWS_MAX_CONCURRENT)),
                Map.entry("facet.downstream.services.reviews.bulkhead.queue", "1"),
                Map.entry("facet.downstream.services.accounts.retry.budget.ratio", "0.1"),
                Map.entry("facet.downstream.services.accounts.retry.budget.min-per-second", "0"),
                Map.entry("facet.downstream.services.recommendations.retry.max-retries", "0"),
                Map.entry("facet.downstream.services.recommendations.bulkhead.max-concurrent", "1"),
                Map.entry("facet.downstream.services.recommendations.bulkhead.queue", "1"),
                Map.entry("facet.downstream.services.recommendations.breaker.request-volume", "4"),
                Map.entry("facet.downstream.services.recommendations.breaker.failure-ratio", "1.0"));
    }
}
