package dev.facet.execution;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Turns what a resolver returned into what graphql-java waits for, and makes sure graphql-java goes on where the
 * request lives. A {@code Uni} may complete on another thread — a timer that fired, a retry's scheduler — and
 * whatever graphql-java does next (the children's resolvers, their batches, the caller's identity and deadline,
 * the request's CDI beans) belongs on the request's own Vert.x context; so a value arriving elsewhere is handed back
 * to that context ({@link RequestContexts}), and one arriving on it (the usual case) goes on at once.
 */
final class FieldValues {

    private FieldValues() {
    }

    /** A {@code Uni} or {@code CompletionStage} as a future completed on the current Vert.x context; else itself. */
    static Object of(Object returned) {
        if (returned instanceof Uni<?> uni) {
            return future(uni);
        }
        if (returned instanceof CompletionStage<?> stage) {
            return future(Uni.createFrom().completionStage(stage));
        }
        return returned;
    }

    static <T> CompletableFuture<T> future(Uni<T> uni) {
        Context request = RequestContexts.current();
        CompletableFuture<T> future = new CompletableFuture<>();
        uni.subscribe().with(
                item -> RequestContexts.resume(request, () -> future.complete(item)),
                failure -> RequestContexts.resume(request, () -> future.completeExceptionally(failure)));
        return future;
    }
}
