package dev.facet.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.facet.shared.Store;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * The public-data cache, under {@code facet.cache.…}. A route is public only when an operator names it, e.g.
 * {@code facet.cache.catalog.products.ttl=30s}; nothing is cached or coalesced by default.
 */
@ConfigMapping(prefix = "facet.cache")
public interface PublicDataSettings {

    /**
     * What all the cached answers of this instance may take on the heap together, estimated; the least used go first.
     * Small by default, beside the other caches, for the small heap Facet ships with (docker/jvm.options): a product
     * weighs about 1 kB, so 8M hold some 8,000.
     */
    @WithDefault("8M")
    MemorySize maxSize();

    /**
     * {@code memory} (default, also with Redis configured) or {@code redis}: a second level in Redis, so an answer
     * one instance fetched is found by the others. Needs {@code quarkus.redis.hosts}.
     */
    Optional<Store> store();

    /** How long a lookup or a store waits for Redis before it goes on without it. */
    @WithDefault("20ms")
    Duration redisTimeout();

    /** Declared routes, by service then route: {@code facet.cache.catalog.pages.ttl=10s}. */
    @WithParentName
    Map<String, Map<String, Route>> services();

    interface Route {

        /**
         * How long an answer is kept at most; a {@code max-age} the service sends may shorten it. {@code 0s}:
         * nothing is kept, but identical reads in flight at once still share one call.
         */
        @WithDefault("0s")
        Duration ttl();
    }
}
