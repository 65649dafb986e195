package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Buckets small enough to empty in a test and slow enough not to refill during it: 3 requests an hour per user,
 * 5 per address for anonymous callers. Public because Quarkus instantiates it reflectively.
 */
public class RateLimitProfile implements QuarkusTestProfile {

    public static final int USER_CAPACITY = 3;
    public static final int ANONYMOUS_CAPACITY = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "facet.rate-limit.user.capacity", String.valueOf(USER_CAPACITY),
                "facet.rate-limit.user.period", "1h",
                "facet.rate-limit.anonymous.capacity", String.valueOf(ANONYMOUS_CAPACITY),
                "facet.rate-limit.anonymous.period", "1h");
    }
}
