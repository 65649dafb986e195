package dev.facet.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Remembers, for one request, each downstream answer asked for — in flight or arrived — so that a field that
 * started a call early and the resolver that needs the answer later share one call.
 */
final class Memo<K, V> {

    private final Map<K, Uni<V>> answers = new HashMap<>();

    /** The answer for {@code key}; {@code fetch} runs only the first time the key is asked for. */
    synchronized Uni<V> get(K key, Supplier<Uni<V>> fetch) {
        return answers.computeIfAbsent(key, ignored -> fetch.get().memoize().indefinitely());
    }
}
