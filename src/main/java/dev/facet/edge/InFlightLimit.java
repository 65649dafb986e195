package dev.facet.edge;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facet.errors.ErrorCode;
import dev.facet.limits.QueryLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds the GraphQL requests one instance holds at once ({@code facet.limits.max-in-flight}) and refuses the next
 * with 503, {@code OVERLOADED} and {@code Retry-After: 1}, first thing in {@link GraphQLGate}: before its body is read
 * or its document looked at.
 *
 * <p>Why: an instance that takes more than it can answer (a cold JVM at full traffic, a slow service) queues every
 * request until its deadline, answers none of them in time, and keeps each one's state on the heap — measured with
 * the bench's soak at 400 requests/s, a fresh instance held ~2,000 requests and stopped on {@code OutOfMemoryError}.
 * Refusing the excess at once keeps the answers it does give fast and its memory bounded, and tells the load balancer
 * and the client to try elsewhere. Vert.x and Quarkus bound connections and bodies, not requests in progress; so it
 * is written here: a counter, raised when a request arrives and lowered when its response ends or its connection
 * closes ({@link RoutingContext#addEndHandler}). It runs in the gate, after Quarkus's authentication, because an end
 * handler added by a route ahead of authentication was not called for requests that went on through it (measured:
 * the count only grew).
 */
@ApplicationScoped
class InFlightLimit {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int max;
    private final Counter refused;

    InFlightLimit(QueryLimits limits, MeterRegistry registry) {
        this.max = limits.maxInFlight();
        this.refused = Counter.builder("facet.graphql.overloaded")
                .description("GraphQL requests refused with 503 OVERLOADED: the instance had facet.limits.max-in-flight in progress")
                .register(registry);
    }

    /** Whether {@code context} may go on; if not, it has been answered. */
    boolean admit(RoutingContext context) {
        int now = inFlight.incrementAndGet();
        if (now > max) {
            inFlight.decrementAndGet();
            refuse(context, ResponseFormat.negotiate(context.request().getHeader("Accept")).orElse(null));
            return false;
        }
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        return true;
    }

    /** Answers {@code context} 503 {@code OVERLOADED} with {@code Retry-After}, counted as a refusal. */
    void refuse(RoutingContext context, ResponseFormat format) {
        refused.increment();
        context.response().putHeader("Retry-After", "1");
        EdgeAnswers.error(context, 503, format, ErrorCode.OVERLOADED, "Facet is at capacity; try again shortly", null);
    }
}
