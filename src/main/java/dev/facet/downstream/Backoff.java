package dev.facet.downstream;

import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The wait before a retry: what the service asked for with Retry-After, else exponential from the policy's delay
 * plus a random jitter of up to {@code maxJitterMillis}. One instance per guarded call, so it may count attempts.
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
        long asked = ServiceFailure.retryAfter(failure).map(java.time.Duration::toMillis).orElse(-1L);
        if (asked >= 0) {
            return asked;
        }
        long delay = nextMillis;
        nextMillis = Math.min(nextMillis * 2, 60_000);
        return delay + (maxJitterMillis > 0 ? ThreadLocalRandom.current().nextLong(maxJitterMillis + 1) : 0);
    }
}
