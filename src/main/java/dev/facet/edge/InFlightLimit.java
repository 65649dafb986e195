package dev.facet.edge;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.facet.downstream.DownstreamSettings;
import dev.facet.errors.ErrorCode;
import dev.facet.limits.QueryLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds the GraphQL requests one instance holds at once ({@code facet.limits.max-in-flight}) and the bytes of their
 * bodies ({@code facet.limits.max-in-flight-bytes}), and refuses the next with 503, {@code OVERLOADED} and
 * {@code Retry-After: 1}, first thing in {@link GraphQLGate}: before its body is read or its document looked at. A
 * body counts as what its {@code Content-Length} declares (HTTP/1.1 never reads past it), a body of unknown size as
 * the largest allowed; the count alone let 200 slow 1 MB bodies fill a 56 MB heap. A body must also have arrived by
 * the request's deadline ({@code facet.downstream.deadline}), or the request is answered 408 {@code REQUEST_TIMEOUT}
 * and its room freed: else a few callers trickling their bodies would hold the bound for everyone.
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

    private static final String BODY_ARRIVED = InFlightLimit.class.getName() + ".bodyArrived";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final int max;
    private final long maxBodyBytes;
    private final long largestBody;
    private final long bodyDeadlineMillis;
    private final Counter refused;

    InFlightLimit(QueryLimits limits, DownstreamSettings downstream, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.max = limits.maxInFlight();
        this.maxBodyBytes = limits.maxInFlightBytes().asLongValue();
        this.largestBody = maxBody.asLongValue();
        this.bodyDeadlineMillis = Math.max(1, downstream.deadline().toMillis());
        if (maxBodyBytes < this.largestBody) {
            throw new IllegalStateException("facet.limits.max-in-flight-bytes (" + maxBodyBytes + ") must be at least"
                    + " quarkus.http.limits.max-body-size (" + this.largestBody + "): a body of unknown size counts as"
                    + " the largest allowed, and would never be read");
        }
        Gauge.builder("facet.graphql.body.bytes.held", bodyBytes, AtomicLong::get)
                .description("Bytes of GraphQL request bodies the instance holds, as declared"
                        + " (facet.limits.max-in-flight-bytes)")
                .register(registry);
        this.refused = Counter.builder("facet.graphql.overloaded")
                .description("GraphQL requests refused with 503 OVERLOADED: the instance had facet.limits.max-in-flight"
                        + " requests or max-in-flight-bytes of bodies in progress")
                .register(registry);
    }

    /** Whether {@code context} may go on; if not, it has been answered. */
    boolean admit(RoutingContext context) {
        long body = declaredBody(context.request());
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            return refuseOnArrival(context);
        }
        if (bodyBytes.addAndGet(body) > maxBodyBytes) {
            bodyBytes.addAndGet(-body);
            inFlight.decrementAndGet();
            return refuseOnArrival(context);
        }
        long deadline = body > 0 ? context.vertx().setTimer(bodyDeadlineMillis, fired -> bodyLate(context)) : -1;
        context.addEndHandler(ended -> {
            if (deadline >= 0) {
                context.vertx().cancelTimer(deadline);
            }
            bodyBytes.addAndGet(-body);
            inFlight.decrementAndGet();
        });
        return true;
    }

    private boolean refuseOnArrival(RoutingContext context) {
        refuse(context, ResponseFormat.negotiate(context.request().getHeader("Accept")).orElse(null));
        return false;
    }

    /**
     * Says that {@code context}'s body has been read whole: the request's own deadline takes over from here. False
     * when it came too late and the request has been answered already.
     */
    static boolean bodyArrived(RoutingContext context) {
        context.put(BODY_ARRIVED, Boolean.TRUE);
        return !context.response().ended();
    }

    private void bodyLate(RoutingContext context) {
        if (context.response().ended() || context.get(BODY_ARRIVED) != null) {
            return;
        }
        // the rest of the body is not worth reading: the connection goes with the answer
        context.response().putHeader("Connection", "close");
        EdgeAnswers.error(context, 408, context.get(ResponseFormat.class.getName()), ErrorCode.REQUEST_TIMEOUT,
                "The request body did not arrive within " + bodyDeadlineMillis + " ms", null);
    }

    /**
     * What the body of {@code request} may hold: its declared length, up to the largest allowed (a larger one is
     * refused with 413 unread); none for a request that cannot have one; the largest allowed when its size is
     * unknown until it ends (chunked, or HTTP/2 without a length).
     */
    private long declaredBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                return Math.min(Math.max(0, Long.parseLong(length.trim())), largestBody);
            } catch (NumberFormatException notANumber) {
                return largestBody;
            }
        }
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return 0;
        }
        boolean http1 = request.version() == HttpVersion.HTTP_1_0 || request.version() == HttpVersion.HTTP_1_1;
        return http1 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null ? 0 : largestBody;
    }

    /** Answers {@code context} 503 {@code OVERLOADED} with {@code Retry-After}, counted as a refusal. */
    void refuse(RoutingContext context, ResponseFormat format) {
        refused.increment();
        context.response().putHeader("Retry-After", "1");
        EdgeAnswers.error(context, 503, format, ErrorCode.OVERLOADED, "Facet is at capacity; try again shortly", null);
    }
}
