package dev.facet.edge;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.smallrye.mutiny.Uni;

/**
 * Token buckets (Bucket4j) in this instance's memory, one per key. Buckets of callers gone quiet are forgotten
 * after ten minutes — by then a full one is all they would have — and at most {@value #MAX_KEYS} are kept, so a
 * flood of addresses cannot exhaust memory. Also what decides for {@link RedisRateLimiter} while Redis cannot.
 */
@ApplicationScoped
public class InProcessRateLimiter implements RateLimiter {

    static final int MAX_KEYS = 200_000;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(MAX_KEYS)
            .build();

    @Override
    public Uni<Duration> take(String key, RateLimits.Bucket limit) {
        return Uni.createFrom().item(takeNow(key, limit));
    }

    Duration takeNow(String key, RateLimits.Bucket limit) {
        Bucket bucket = buckets.get(key, ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
