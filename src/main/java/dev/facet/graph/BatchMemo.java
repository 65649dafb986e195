package dev.facet.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * {@link Memo} for batch reads, in the manner of a DataLoader: ids of one request already asked for — in flight or
 * arrived — are never asked for again, and the ids asked for during one turn of the event loop go out together in
 * one batch. graphql-java starts the fields of a level in one synchronous pass, so root fields such as
 * {@code a: product(id: "p6") b: product(id: "p7")}, and the calls they start early, share one call per service.
 */
final class BatchMemo<K, V> {

    private final Function<List<K>, Uni<Map<K, V>>> fetch;
    private final Map<K, Uni<Optional<V>>> entries = new HashMap<>();
    private List<K> pending;
    private CompletableFuture<Map<K, V>> pendingAnswer;

    BatchMemo(Function<List<K>, Uni<Map<K, V>>> fetch) {
        this.fetch = fetch;
    }

    /** The values of {@code keys} that exist, by key. */
    Uni<Map<K, V>> getAll(Collection<K> keys) {
        List<K> wanted = new ArrayList<>(new LinkedHashSet<>(keys));
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Optional<V>>> answers;
        synchronized (this) {
            List<K> missing = wanted.stream().filter(key -> !entries.containsKey(key)).toList();
            if (!missing.isEmpty()) {
                Uni<Map<K, V>> batch = enqueue(missing);
                for (K key : missing) {
                    entries.put(key, batch.map(found -> Optional.ofNullable(found.get(key))));
                }
            }
            answers = wanted.stream().map(entries::get).toList();
        }
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

    /** Adds keys to the batch that leaves at the end of this event-loop turn; outside Vert.x it leaves now. */
    private Uni<Map<K, V>> enqueue(List<K> keys) {
        Context eventLoop = Vertx.currentContext();
        if (eventLoop == null) {
            return fetch.apply(keys).memoize().indefinitely();
        }
        if (pending == null) {
            pending = new ArrayList<>();
            CompletableFuture<Map<K, V>> answer = new CompletableFuture<>();
            pendingAnswer = answer;
            eventLoop.runOnContext(ignored -> send(answer));
        }
        pending.addAll(keys);
        return Uni.createFrom().completionStage(pendingAnswer);
    }

    private void send(CompletableFuture<Map<K, V>> answer) {
        List<K> batch;
        synchronized (this) {
            batch = pending;
            pending = null;
            pendingAnswer = null;
        }
        try {
            fetch.apply(batch).subscribe().with(answer::complete, answer::completeExceptionally);
        } catch (RuntimeException failure) {
            answer.completeExceptionally(failure);
        }
    }
}
