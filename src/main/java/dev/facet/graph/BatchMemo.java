package dev.facet.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * {@link Memo} for batch reads: the ids of one request already asked for — in flight or arrived — are never asked
 * for again; the ones not yet asked for go out together in one batch.
 */
final class BatchMemo<K, V> {

    private final Map<K, Uni<Optional<V>>> entries = new HashMap<>();

    /** The values of {@code keys} that exist, by key; one {@code fetch} for all keys not asked for before. */
    synchronized Uni<Map<K, V>> getAll(Collection<K> keys, Function<List<K>, Uni<Map<K, V>>> fetch) {
        List<K> wanted = new ArrayList<>(new LinkedHashSet<>(keys));
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<K> missing = wanted.stream().filter(key -> !entries.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            Uni<Map<K, V>> batch = fetch.apply(missing).memoize().indefinitely();
            for (K key : missing) {
                entries.put(key, batch.map(found -> Optional.ofNullable(found.get(key))));
            }
        }
        List<Uni<Optional<V>>> answers = wanted.stream().map(entries::get).toList();
        return Uni.combine().all().unis(answers).with(values -> {
            Map<K, V> found = new LinkedHashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                @SuppressWarnings("unchecked")
                Optional<V> value = (Optional<V>) values.get(i);
                K key = wanted.get(i);
                value.ifPresent(present -> found.put(key, present));
            }
            return found;
        });
    }
}
