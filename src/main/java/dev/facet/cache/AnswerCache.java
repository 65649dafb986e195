package dev.facet.cache;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * This instance's public answers, bounded by bytes ({@code facet.cache.max-size}, each answer weighed by
 * {@link Kept#weight}) and evicting by size and use (W-TinyLFU: a hot product stays while a crawl through the whole
 * catalog passes through). An asynchronous cache because it is also the coalescing: an answer still in flight is an
 * entry, and a request that asks for it meanwhile waits for the same call instead of making its own. Each entry
 * expires after its own time ({@link Kept#keepNanos}, which the service's {@code Cache-Control} may shorten to zero:
 * then it leaves as soon as it arrives, and only the readers already waiting share it). A failed call is never kept.
 */
final class AnswerCache {

    private final AsyncCache<CacheKey, Kept> answers;

    AnswerCache(long maxBytes) {
        this(maxBytes, null);
    }

    /** @param executor where Caffeine does its upkeep (eviction), or null for its default; tests pass a direct one */
    AnswerCache(long maxBytes, Executor executor) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder();
        if (executor != null) {
            builder.executor(executor);
        }
        this.answers = builder
                // frequencies counted from the first use, not from half full (see PreparedDocuments)
                .initialCapacity(256)
                .maximumWeight(maxBytes)
                .weigher((CacheKey key, Kept kept) -> (int) Math.min(Integer.MAX_VALUE, kept.weight()))
                .expireAfter(new Expiry<CacheKey, Kept>() {
                    @Override
                    public long expireAfterCreate(CacheKey key, Kept kept, long now) {
                        return kept.keepNanos();
                    }

                    @Override
                    public long expireAfterUpdate(CacheKey key, Kept kept, long now, long current) {
                        // an asynchronous entry is "updated" when its call answers: from then on its own time counts
                        return kept.keepNanos();
                    }

                    @Override
                    public long expireAfterRead(CacheKey key, Kept kept, long now, long current) {
                        return current;
                    }
                })
                .buildAsync();
    }

    /** The entry for {@code key}, answered or in flight, or null. */
    CompletableFuture<Kept> present(CacheKey key) {
        return answers.getIfPresent(key);
    }

    /** The entry for {@code key}; {@code load} starts the call when there is none (not even in flight). */
    CompletableFuture<Kept> get(CacheKey key, Function<CacheKey, CompletableFuture<Kept>> load) {
        return answers.get(key, (missing, executor) -> load.apply(missing));
    }

    /**
     * The entries for {@code keys}; those with none are loaded together by one call of {@code load}, which may
     * leave out keys it has no answer for (they are not kept).
     */
    CompletableFuture<Map<CacheKey, Kept>> getAll(Set<CacheKey> keys,
            Function<Set<? extends CacheKey>, CompletableFuture<Map<CacheKey, Kept>>> load) {
        BiFunction<Set<? extends CacheKey>, Executor, CompletableFuture<Map<CacheKey, Kept>>> loader =
                (missing, executor) -> load.apply(missing);
        return answers.getAll(keys, loader);
    }

    /** How many entries are kept now, answered or in flight (after pending upkeep). */
    long size() {
        answers.synchronous().cleanUp();
        return answers.synchronous().estimatedSize();
    }
}
