package dev.facet.edge;

import java.time.Duration;

/**
 * Where the token buckets live. In-process by default ({@link InProcessRateLimiter}): each instance limits what
 * reaches it. When Facet runs as several instances and the limit must hold across them, a bean backed by a
 * shared store (e.g. Bucket4j's Redis proxy manager) takes this one's place.
 */
public interface RateLimiter {

    /** Takes one request from {@code key}'s bucket: {@link Duration#ZERO} when allowed, else how long to wait. */
    Duration take(String key, RateLimits.Bucket bucket);
}
