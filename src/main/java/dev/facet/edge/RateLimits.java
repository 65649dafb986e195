package dev.facet.edge;

import java.time.Duration;
import java.util.Optional;

import dev.facet.shared.Store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many requests a caller may make, under {@code facet.rate-limit.…}: a token bucket per signed-in user (the
 * token's {@code sub}) and one per remote address for anonymous callers. A bucket holds
 * {@code capacity} requests and refills them evenly over {@code period}, so {@code capacity / period} is the
 * sustained rate and {@code capacity} the burst. The defaults leave room for a few hundred requests a second from
 * one user, or from one office behind one address.
 */
@ConfigMapping(prefix = "facet.rate-limit")
public interface RateLimits {

    @WithDefault("true")
    boolean enabled();

    /** {@code memory} or {@code redis}; unset: {@code redis} when {@code quarkus.redis.hosts} is set. */
    Optional<Store> store();

    /**
     * How long a decision waits for Redis before this instance's bucket makes it: a request pays at most this
     * while Redis is slow, and nothing while it is known to be down.
     */
    @WithDefault("5ms")
    Duration redisTimeout();

    /** Per signed-in user, whichever client they use: 300 a second, bursts of 600. */
    User user();

    /** Per client and remote address, for callers without a token: 2000 a second, and as many at once. */
    Anonymous anonymous();

    interface Bucket {

        int capacity();

        Duration period();
    }

    interface User extends Bucket {

        @Override
        @WithDefault("600")
        int capacity();

        @Override
        @WithDefault("2s")
        Duration period();
    }

    interface Anonymous extends Bucket {

        @Override
        @WithDefault("2000")
        int capacity();

        @Override
        @WithDefault("1s")
        Duration period();
    }
}
