package dev.facet.downstream;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;

/**
 * How patient Facet is with the internal services, under {@code facet.downstream.…}: one request-wide deadline and
 * one policy per service ({@code facet.downstream.services.<service>.…}), every key of which defaults to the values
 * below, so an operator sets only what differs, e.g. {@code facet.downstream.services.orders.timeout=2s}.
 */
@ConfigMapping(prefix = "facet.downstream")
public interface DownstreamSettings {

    /**
     * All the time one GraphQL request may spend on services, counted from its arrival, over every level and every
     * retry. The fields still waiting when it passes fail with {@code DOWNSTREAM_TIMEOUT}; the rest is answered.
     */
    @WithDefault("3s")
    Duration deadline();

    /**
     * How many calls one request may have in flight to any one service; its further calls to that service wait
     * their turn within the request, so that one request's fan-out (the reviews of a hundred products, say) cannot
     * take the service's whole bulkhead from every other request.
     */
    @WithDefault("8")
    int maxCallsInFlightPerRequest();

    /** By service name: accounts, catalog, inventory, reviews, orders, recommendations. */
    @WithDefaults
    Map<String, Policy> services();

    interface Policy {

        /** How long one attempt may take; the request's deadline may cut it shorter. */
        @WithDefault("1s")
        Duration timeout();

        Retry retry();

        Breaker breaker();

        /** The reads' bulkhead. */
        Bulkhead bulkhead();

        /** What differs for the service's writes (placing an order): they have a bulkhead of their own. */
        Writes writes();
    }

    interface Writes {

        WritesBulkhead bulkhead();
    }

    /**
     * The writes' bulkhead, apart from the reads', so that a flood of reads (every page view) cannot starve the
     * writes (checkout). Writes share the service's breaker: a broken service is broken for both.
     */
    interface WritesBulkhead {

        /** Writes to the service in flight at once from this instance. */
        @WithDefault("16")
        int maxConcurrent();

        /** Writes waiting for a free place (at least 1); beyond this a write fails at once, before it is sent. */
        @WithDefault("64")
        int queue();
    }

    interface Retry {

        /**
         * Attempts after the first; only reads and writes that carry an idempotency key are retried, and only as
         * far as the service's retry budget allows.
         */
        @WithDefault("2")
        int maxRetries();

        /** Wait before the first retry; doubles for each further one. */
        @WithDefault("50ms")
        Duration delay();

        /** A random extra wait of up to this, so the retries of many requests do not arrive together. */
        @WithDefault("50ms")
        Duration jitter();

        /** A 429 or 503 whose Retry-After asks for longer than this, or than the deadline leaves, is not retried. */
        @WithDefault("1s")
        Duration maxRetryAfter();

        Budget budget();
    }

    /**
     * How many retries the service may get from this instance, all calls together: over the last {@code window},
     * at most {@code ratio} of its calls plus {@code min-per-second} per second of the window. When a service
     * fails every call, retries would otherwise triple its load just when it is least able to take it.
     */
    interface Budget {

        /** Retries allowed per call made (0.1: at most 10 % extra calls). */
        @WithDefault("0.1")
        double ratio();

        /** Retries allowed per second whatever the traffic, so a quiet service may still be retried. */
        @WithDefault("5")
        double minPerSecond();

        /** The sliding window the calls and retries are counted over. */
        @WithDefault("10s")
        Duration window();
    }

    interface Breaker {

        /** Of the last {@code request-volume} calls, the share that must fail for the breaker to open. */
        @WithDefault("0.5")
        double failureRatio();

        /** How many recent calls the failure ratio is computed over (and the fewest before it can open). */
        @WithDefault("20")
        int requestVolume();

        /** How long an open breaker refuses calls before it lets trial calls through (half-open). */
        @WithDefault("5s")
        Duration delay();

        /** Trial calls that must succeed in a row to close it again. */
        @WithDefault("2")
        int successThreshold();
    }

    interface Bulkhead {

        /** Calls to the service in flight at once from this instance. */
        @WithDefault("64")
        int maxConcurrent();

        /** Calls waiting for a free place (at least 1); beyond this a call fails at once. */
        @WithDefault("256")
        int queue();
    }
}
