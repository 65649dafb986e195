package dev.facet.edge;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * Where the token buckets live: in this instance's memory ({@link InProcessRateLimiter}), or in Redis, shared by all
 * instances ({@link RedisRateLimiter}). A decision may take a round trip, so it is a {@link Uni}: the edge calls it on
 * the event loop and goes on when it comes, never waiting for it. The in-process one decides in place.
 */
public interface RateLimiter {

    /** Takes one request from {@code key}'s bucket: {@link Duration#ZERO} when allowed, else how long to wait. */
    Uni<Duration> take(String key, RateLimits.Bucket bucket);
}
