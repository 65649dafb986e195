package dev.facet.execution;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dataloader.DataLoader;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A java-dataloader {@link DataLoader} that dispatches itself at the end of the current event-loop turn, the way
 * JavaScript's DataLoader does with {@code process.nextTick}: every key asked for during one synchronous pass —
 * a level's batch resolvers, which graphql-java calls in one pass, and the calls that fields start early — leaves
 * in one downstream call, as soon as the pass is over.
 *
 * <p>graphql-java dispatches only the loaders of its registry, and only when a level's fields have all been asked
 * for; a read started from a callback — an early start when ids arrive — would wait for a dispatch that never
 * comes. java-dataloader has no per-turn scheduling; this class adds only that, and leaves keys, caching and answer
 * order to the library. Outside an event loop there is no turn to wait for: the batch leaves at once.
 */
public final class TickLoader<K, V> {

    private final DataLoader<K, V> loader;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public TickLoader(DataLoader<K, V> loader) {
        this.loader = loader;
    }

    public CompletableFuture<V> load(K key) {
        CompletableFuture<V> value = loader.load(key);
        dispatchAfterThisTurn();
        return value;
    }

    public CompletableFuture<List<V>> loadMany(List<K> keys) {
        CompletableFuture<List<V>> values = loader.loadMany(keys);
        dispatchAfterThisTurn();
        return values;
    }

    private void dispatchAfterThisTurn() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        Context context = Vertx.currentContext();
        if (context == null) {
            dispatch();
        } else {
            context.runOnContext(ignored -> dispatch());
        }
    }

    private void dispatch() {
        scheduled.set(false);
        loader.dispatch();
    }
}
