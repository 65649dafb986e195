package dev.facet.downstream.orders;

import java.time.Duration;
import java.util.Optional;

import dev.facet.shared.Store;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Facet keeps purchases apart, under {@code facet.orders.…}. */
@ConfigMapping(prefix = "facet.orders")
public interface OrdersSettings {

    IdempotencyKeys idempotencyKeys();

    /**
     * The idempotency keys Facet remembers, with the cart each was first used for, so that a key reused for another
     * cart is refused ({@code IDEMPOTENCY_KEY_REUSED}): in each instance's memory, about 150 bytes a key, and shared
     * by all instances through Redis when it is configured.
     */
    interface IdempotencyKeys {

        /** {@code memory} or {@code redis}; by default {@code redis} when {@code quarkus.redis.hosts} is set. */
        Optional<Store> store();

        /** How long a claim waits for Redis before this instance's memory decides alone. */
        @WithDefault("20ms")
        Duration redisTimeout();

        /** At most this many keys; the oldest are forgotten first. */
        @WithDefault("20000")
        long maxSize();

        /** How long a key is remembered after its first use. */
        @WithDefault("24h")
        Duration expireAfter();
    }
}
