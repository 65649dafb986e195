package dev.facet.downstream;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.common.vertx.ContextLocals;

/**
 * The deadline of the current GraphQL request: {@code facet.downstream.deadline} from the moment the request
 * reached Facet's edge, shared by every call it makes. The arrival is kept in the request's Vert.x context, which
 * travels with every callback a call may start from (a batch at the end of an event-loop turn, a retry after
 * its backoff); outside a request, a call gets the whole budget from now.
 */
public final class RequestDeadline {

    private static final String ARRIVAL = "facet.arrival";

    private RequestDeadline() {
    }

    /** Called by the edge as a request arrives, on the request's own context. */
    public static void markArrival() {
        try {
            ContextLocals.put(ARRIVAL, System.nanoTime());
        } catch (RuntimeException notOnARequestContext) {
            // no request to time: calls made here get the whole budget
        }
    }

    static Deadline current(Duration budget) {
        Optional<Long> arrival;
        try {
            arrival = ContextLocals.get(ARRIVAL);
        } catch (RuntimeException notOnARequestContext) {
            arrival = Optional.empty();
        }
        return Deadline.after(arrival.orElseGet(System::nanoTime), budget);
    }
}
