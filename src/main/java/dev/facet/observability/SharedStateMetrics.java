package dev.facet.observability;

import java.util.List;
import java.util.function.ToLongFunction;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.facet.cache.CacheCounts;
import dev.facet.cache.PublicData;
import dev.facet.shared.SharedStores;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * What Facet remembers beyond one request, as meters read when Prometheus scrapes (the stores keep their own counts;
 * nothing here costs a request): {@code facet.redis.fallbacks} per store — checks and lookups decided in-process
 * because Redis was slow or down — with {@code facet.redis.outage} (1 while one lasts) and
 * {@code facet.redis.outages}; and per declared public route, {@code facet.cache.public.answers} by result —
 * {@code hit} (this instance's memory, in flight included), {@code coalesced} (of the hits, joined a call another
 * request had in flight), {@code redis} (a miss Redis answered), {@code miss} (a miss the service answered).
 */
@Singleton
public class SharedStateMetrics {

    /** The stores that may fall back (the names {@code RedisGuard} counts them under). */
    static final List<String> STORES = List.of("rate-limit", "persisted-queries", "public-data", "idempotency-keys");

    void start(@Observes StartupEvent started, MeterRegistry registry, SharedStores stores, PublicData publicData) {
        for (String store : STORES) {
            FunctionCounter.builder("facet.redis.fallbacks", stores, all -> all.guard().fallbacks(store))
                    .description("Redis calls decided in-process instead, because Redis was slow or down")
                    .tag("store", store)
                    .register(registry);
        }
        FunctionCounter.builder("facet.redis.outages", stores, all -> all.guard().outages())
                .description("Times Redis stopped answering").register(registry);
        Gauge.builder("facet.redis.outage", stores, all -> all.guard().outage() ? 1 : 0)
                .description("1 while Redis does not answer").register(registry);
        for (String route : publicData.declaredRoutes()) {
            answers(registry, publicData, route, "hit", CacheCounts::hits);
            answers(registry, publicData, route, "coalesced", CacheCounts::coalesced);
            answers(registry, publicData, route, "redis", CacheCounts::sharedHits);
            answers(registry, publicData, route, "miss", counts -> counts.misses() - counts.sharedHits());
        }
    }

    private static void answers(MeterRegistry registry, PublicData publicData, String route, String result,
            ToLongFunction<CacheCounts> count) {
        FunctionCounter.builder("facet.cache.public.answers", publicData, data -> {
            CacheCounts counts = data.counts().get(route);
            return counts == null ? 0 : count.applyAsLong(counts);
        })
                .description("Answers of a public route asked for, one per id, by where they came from")
                .tags("route", route, "result", result)
                .register(registry);
    }
}
