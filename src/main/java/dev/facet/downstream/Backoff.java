package dev.facet.downstream;

import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The wait before a retry: exponential from the policy's delay plus a random jitter of up to
 * {@code maxJitterMillis}, or what the service asked for with Retry-After when that is longer. Never less than the
 * backoff: a {@code Retry-After: 0} (or a past date) would otherwise have every caller come back at once, at full
 * speed. One instance per guarded call, so it may count attempts.
 */
final class Backoff implements CustomBackoffStrategy {

    private final long maxJitterMillis;
    private long nextMillis;

    Backoff(long maxJitterMillis) {
        this.maxJitterMillis = maxJitterMillis;
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextMillis = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        long backoff = nextMillis + (maxJitterMillis > 0 ? ThreadLocalRandom.current().nextLong(maxJitterMillis + 1) : 0);
        nextMillis = Math.min(nextMillis * 2, 60_000);
        long asked = ServiceFailure.retryAfter(failure).map(java.time.Duration::toMillis).orElse(0L);
        return Math.max(asked, backoff);
    }
}
