package dev.facet.downstream;

import java.util.ArrayDeque;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;

/**
 * The calls one request has in flight to one service, at most {@code limit} at once; the request's further calls
 * to that service wait here, in the request, for one of its own to finish — not in the service's bulkhead, where
 * they would take the places of every other request. A waiting call that is cancelled (its deadline passed) leaves
 * the line; a finished one hands its place to the next, which starts on the request's Vert.x context.
 *
 * <p>A bulkhead per request would do the same, but SmallRye's bulkheads are built once per policy, and building one
 * per request and service costs more than the calls it guards. Mutiny has no shared limit for calls that start
 * from different places of a request.
 */
final class RequestLane {

    private enum State { WAITING, GRANTED, RUNNING, ENDED }

    private final int limit;
    private final Context request;
    private final ArrayDeque<Turn<?>> waiting = new ArrayDeque<>();
    private int inFlight;

    RequestLane(int limit, Context request) {
        this.limit = limit;
        this.request = request;
    }

    /** Runs {@code call} once the request has fewer than {@code limit} calls in flight to the service. */
    <T> Uni<T> run(Supplier<Uni<T>> call) {
        return Uni.createFrom().emitter(emitter -> {
            Turn<T> turn = new Turn<>(call, emitter);
            emitter.onTermination(turn::end);
            boolean now;
            synchronized (this) {
                now = inFlight < limit;
                if (now) {
                    inFlight++;
                    turn.state = State.GRANTED;
                } else {
                    waiting.add(turn);
                }
            }
            if (now) {
                turn.start();
            }
        });
    }

    /** A place is free: hand it to the next waiting call (started on the request's context), or give it back. */
    private void handOn() {
        Turn<?> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
            next.state = State.GRANTED;
        }
        request.runOnContext(ignored -> next.start());
    }

    private final class Turn<T> {

        private final Supplier<Uni<T>> call;
        private final UniEmitter<? super T> emitter;
        private State state = State.WAITING; // guarded by the lane
        private Cancellable running; // guarded by the lane

        Turn(Supplier<Uni<T>> call, UniEmitter<? super T> emitter) {
            this.call = call;
            this.emitter = emitter;
        }

        void start() {
            synchronized (RequestLane.this) {
                if (state == State.ENDED) {
                    // cancelled between being given a place and starting: pass the place on
                    handOnLater();
                    return;
                }
                state = State.RUNNING;
            }
            Cancellable subscription;
            try {
                subscription = call.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException failed) {
                emitter.fail(failed);
                return;
            }
            boolean cancelled;
            synchronized (RequestLane.this) {
                running = subscription;
                cancelled = state == State.ENDED;
            }
            if (cancelled) {
                subscription.cancel();
            }
        }

        /** Completed, failed or cancelled: whatever place it held goes to the next. */
        void end() {
            State was;
            Cancellable subscription;
            synchronized (RequestLane.this) {
                was = state;
                state = State.ENDED;
                subscription = running;
                if (was == State.WAITING) {
                    waiting.remove(this);
                }
            }
            if (was == State.RUNNING) {
                if (subscription != null) {
                    subscription.cancel(); // a no-op once the call has answered
                }
                handOn();
            }
        }

        private void handOnLater() {
            request.runOnContext(ignored -> handOn());
        }
    }
}
