package dev.facet.documents;

import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * The documents Facet has prepared, per client and by the sha256 of their text, so that a document is parsed,
 * measured and validated once however many requests send it. Bounded by bytes ({@code facet.documents.cache-size}),
 * weighing each entry by its text and syntax tree, and evicting by size and use (Caffeine's W-TinyLFU): a flood of
 * one-off documents cannot push out the few a frontend sends all day, nor fill the heap. Refusals are remembered
 * too, so a hostile document sent again costs a lookup.
 */
@Singleton
public class PreparedDocuments {

    private record Key(String client, String sha256) {
    }

    private final Cache<Key, PreparedDocument> documents;

    PreparedDocuments(@ConfigProperty(name = "facet.documents.cache-size", defaultValue = "16M") MemorySize size,
            MeterRegistry registry) {
        this.documents = Caffeine.newBuilder()
                // A cache bounded by weight sizes its frequency sketch only once it is half full, counting no use
                // before: the daily documents would then look as new as a flood's. Sizing it from the start
                // (initialCapacity) makes every use count.
                .initialCapacity(256)
                .maximumWeight(size.asLongValue())
                .weigher((Key key, PreparedDocument document) -> document.weight())
                .recordStats()
                .build();
        // cache_gets_total{cache="facet.documents",result="hit"|"miss"}, cache_evictions_total, cache_size
        CaffeineCacheMetrics.monitor(registry, documents, "facet.documents");
    }

    /** What the documents kept weigh together, in the bytes of {@code facet.documents.cache-size}. */
    long weight() {
        documents.cleanUp();
        return documents.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    /** The prepared document of {@code client} whose text has this sha256; {@code prepare} runs on a miss. */
    PreparedDocument get(String client, String sha256, Supplier<PreparedDocument> prepare) {
        // Caffeine's get reads a present entry without locking, and counts one hit or one miss
        return documents.get(new Key(client, sha256), ignored -> prepare.get());
    }
}
