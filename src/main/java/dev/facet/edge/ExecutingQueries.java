package dev.facet.edge;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facet.execution.RequestContexts;
import dev.facet.limits.QueryLimits;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;

/**
 * At most {@code facet.limits.max-executing-queries} queries execute at once on this instance; the next ones wait,
 * first come first served, and start when one is answered. The wait is bounded by {@link InFlightLimit} (at most
 * {@code max-in-flight} requests are held in all) and by the request's deadline, which runs from its arrival.
 *
 * <p>Why: a query holds its execution state (~100 KB for a CategoryPage) while its calls are out. Past a few dozen at
 * once, that state outgrows the young generation of {@code docker/jvm.options}: it is promoted, and full collections
 * follow. Measured at 64 connections: CategoryPage answered 640 requests/s with 96 executing, and 1,244 with 40.
 * A request that waits here has only its parsed body and its prepared document, which are shared.
 *
 * <p>Only queries wait. A mutation is never held behind reads: writes have their own bulkhead at the orders service,
 * and a hanging orders service must not take the places the reads need. The bulkhead and its queue are SmallRye
 * Fault Tolerance's, as for the services. A query that waited is resumed on its own request's Vert.x context, where
 * its batches and deadline live, whichever request's end made room for it.
 */
@ApplicationScoped
class ExecutingQueries {

    private final Guard bulkhead;
    private final InFlightLimit inFlight;

    ExecutingQueries(QueryLimits limits, InFlightLimit inFlight) {
        this.inFlight = inFlight;
        this.bulkhead = Guard.create()
                .withDescription("executing queries")
                .withBulkhead()
                    .limit(limits.maxExecutingQueries())
                    // never the refusal: InFlightLimit has refused beyond max-in-flight before a request gets here
                    .queueSize(Math.max(1, limits.maxInFlight()))
                    .done()
                .withThreadOffload(true).withThreadOffloadExecutor(Runnable::run)
                .build();
    }

    /** Runs {@code execution} of the query {@code context} asks for now, or when a place is free. */
    void run(RoutingContext context, ResponseFormat format, Runnable execution) {
        Context request = RequestContexts.current();
        bulkhead.get(() -> Uni.createFrom().<Void>emitter(answered -> RequestContexts.resume(request, () -> {
            if (context.response().ended() || context.response().closed()) {
                answered.complete(null); // its caller left while it waited: nothing to execute
                return;
            }
            // the place is held until the response has ended, or the connection closed
            context.addEndHandler(ended -> answered.complete(null));
            execution.run();
        })), Uni.class).subscribe().with(done -> { }, failure -> {
            // not reached while the queue is as long as max-in-flight; were it, refused as beyond that
            if (!context.response().ended() && !context.response().closed()) {
                inFlight.refuse(context, format);
            }
        });
    }
}
