package dev.facet.downstream.orders;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Facet keeps purchases apart, under {@code facet.orders.…}. */
@ConfigMapping(prefix = "facet.orders")
public interface OrdersSettings {

    IdempotencyKeys idempotencyKeys();

    /**
     * The idempotency keys Facet remembers, with the cart each was first used for, so that a key reused for another
     * cart is refused ({@code IDEMPOTENCY_KEY_REUSED}): per instance, in memory, about 150 bytes a key.
     */
    interface IdempotencyKeys {

        /** At most this many keys; the oldest are forgotten first. */
        @WithDefault("20000")
        long maxSize();

        /** How long a key is remembered after its first use. */
        @WithDefault("24h")
        Duration expireAfter();
    }
}
