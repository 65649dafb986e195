package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Facet as one of several instances behind Redis ({@link EmbeddedRedis}): 4 requests an hour per user, so a test
 * empties a bucket in a few requests; anonymous callers all but unlimited, for the ordinary requests. Redis gets half
 * a second to answer a rate-limit check, a persisted-query lookup or an idempotency key's claim — on two busy cores a
 * few milliseconds is sometimes not enough: a check decided in-process would let a request through that the shared
 * limit would not, a claim decided in-process would place an order whose key another instance holds (the bounds
 * themselves are proved on stores of the tests' own) — and is tried again 300 ms after an outage.
 */
public class SharedStoresProfile implements QuarkusTestProfile {

    public static final int USER_CAPACITY = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "facet.rate-limit.user.capacity", String.valueOf(USER_CAPACITY),
                "facet.rate-limit.user.period", "1h",
                "facet.rate-limit.anonymous.capacity", "100000",
                "facet.rate-limit.anonymous.period", "1h",
                "facet.rate-limit.redis-timeout", "500ms",
                "facet.persisted-queries.redis-timeout", "500ms",
                "facet.orders.idempotency-keys.redis-timeout", "500ms",
                "facet.redis.retry-interval", "300ms");
    }
}
