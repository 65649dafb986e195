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

    /** By service name: accounts, catalog, inventory, reviews, orders, recommendations. */
    @WithDefaults
    Map<String, Policy> services();

    interface Policy {

        /** How long one attempt may take; the request's deadline may cut it shorter. */
        @WithDefault("1s")
        Duration timeout();

        Retry retry();

        Breaker breaker();

        Bulkhead bulkhead();
    }

    interface Retry {

        /** Attempts after the first; only reads and writes that carry an idempotency key are retried. */
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
