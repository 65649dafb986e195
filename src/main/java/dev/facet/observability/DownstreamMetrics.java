package dev.facet.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.facet.downstream.ServiceFailure;
import dev.facet.downstream.ServiceGuards;
import dev.facet.warmup.WarmUpOver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;

/**
 * Calls to the services: {@code facet.downstream.calls}, a timer with one sample per attempt, tagged with the
 * service and the attempt's outcome — {@code ok}, {@code error}, {@code timeout}, or {@code rejected} when the
 * breaker or the bulkhead did not let it start (in {@link ServiceFailure}'s reading); {@code facet.downstream.retries}
 * per service; and {@code facet.downstream.breaker.state} per service (0 closed, 1 open, 2 half-open), read from the
 * breakers when Prometheus scrapes.
 *
 * <p>{@link dev.facet.downstream.ServiceGuard} calls {@link #call(String)} for each call it guards and passes its
 * attempts and its result through the returned {@link Call}; the guard knows nothing else of metrics. The warm-up's
 * calls, nearly all replayed, are timed like any and forgotten when it ends ({@link WarmUpOver}).
 */
@Singleton
public class DownstreamMetrics {

    private static final Duration[] BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500) };

    /** The meters of the running application; the guards are built before any bean could hand them over. */
    private static volatile DownstreamMetrics current;

    private record Key(String service, String outcome) {
    }

    private final MeterRegistry registry;
    private final Map<Key, Timer> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();

    DownstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void start(@Observes StartupEvent started, ServiceGuards guards) {
        for (String service : ServiceGuards.SERVICES) {
            Gauge.builder("facet.downstream.breaker.state", guards, all -> state(all.breakerStates().get(service)))
                    .description("The service's circuit breaker: 0 closed, 1 open, 2 half-open")
                    .tag("service", service)
                    .register(registry);
        }
        current = this;
    }

    /** Removes the meters of the warm-up's calls: the services saw only a few of them. The breakers' gauges stay. */
    void forgetWarmUp(@Observes WarmUpOver over) {
        calls.values().forEach(registry::remove);
        calls.clear();
        retries.values().forEach(registry::remove);
        retries.clear();
    }

    /** The metering of one guarded call to {@code service}; a no-op before Facet has started. */
    public static Call call(String service) {
        DownstreamMetrics metrics = current;
        return metrics == null ? Call.NONE : new Call(metrics, service);
    }

    /** One guarded call: each attempt timed, each after the first a retry, a refusal to start one a rejection. */
    public static final class Call {

        static final Call NONE = new Call(null, null);

        private final DownstreamMetrics metrics;
        private final String service;
        private final AtomicInteger attempts = new AtomicInteger();

        private Call(DownstreamMetrics metrics, String service) {
            this.metrics = metrics;
            this.service = service;
        }

        /** One attempt, timed from its subscription to its answer, failure or cancellation. */
        public <T> Uni<T> attempt(Supplier<Uni<T>> attempt) {
            if (metrics == null) {
                return attempt.get();
            }
            if (attempts.getAndIncrement() > 0) {
                metrics.retries.computeIfAbsent(service, metrics::retryCounter).increment();
            }
            long start = System.nanoTime();
            return attempt.get()
                    .onItemOrFailure().invoke((item, failure) -> metrics.record(service, start, outcome(failure)))
                    .onCancellation().invoke(() -> metrics.record(service, start, "timeout"));
        }

        /** The call's result: a call the breaker or bulkhead refused never reached {@link #attempt}. */
        public <T> Uni<T> result(Uni<T> call) {
            if (metrics == null) {
                return call;
            }
            return call.onFailure(failure -> ServiceFailure.of(failure) == ServiceFailure.SHED)
                    .invoke(() -> metrics.record(service, System.nanoTime(), "rejected"));
        }
    }

    private void record(String service, long start, String outcome) {
        calls.computeIfAbsent(new Key(service, outcome), this::callTimer)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        ServiceFailure kind = ServiceFailure.of(failure);
        return kind == ServiceFailure.TIMED_OUT ? "timeout" : kind == ServiceFailure.SHED ? "rejected" : "error";
    }

    private static double state(CircuitBreakerState state) {
        return state == null ? 0 : switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }

    private Timer callTimer(Key key) {
        return Timer.builder("facet.downstream.calls")
                .description("Attempts to call a service, by service and outcome")
                .tag("service", key.service()).tag("outcome", key.outcome())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Counter retryCounter(String service) {
        return Counter.builder("facet.downstream.retries")
                .description("Attempts after a call's first, by service")
                .tag("service", service)
                .register(registry);
    }
}
