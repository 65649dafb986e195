package dev.facet.downstream;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import dev.facet.execution.RequestContexts;
import dev.facet.observability.DownstreamMetrics;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * The fault-tolerance policy of one internal service, built from its {@code facet.downstream.services.<service>}
 * settings: each attempt waits its turn in the service's bulkhead and then has a timeout; failures that say the
 * service is broken feed one circuit breaker shared by every call to the service; transient failures are retried
 * with backoff — all within what is left of the request's deadline, which also bounds the call as a whole.
 *
 * <p>Every call through a guard must be safe to repeat: a read, or a write the service de-duplicates (an
 * idempotency key that the attempt supplier sends again on every attempt).
 */
public final class ServiceGuard {

    private final String service;
    private final Guard guard;
    private final Duration timeout;
    private final Duration maxRetryAfter;
    private final Supplier<Deadline> deadlines;

    ServiceGuard(String service, DownstreamSettings.Policy policy, Duration requestDeadline,
            Supplier<Deadline> deadlines) {
        this.service = service;
        this.timeout = policy.timeout();
        this.maxRetryAfter = policy.retry().maxRetryAfter();
        this.deadlines = deadlines;
        long jitter = policy.retry().jitter().toMillis();
        this.guard = Guard.create()
                .withDescription("downstream " + service)
                .withRetry()
                    .maxRetries(policy.retry().maxRetries())
                    .delay(policy.retry().delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS) // Backoff adds its own, never on top of a Retry-After
                    .maxDuration(requestDeadline.toMillis(), ChronoUnit.MILLIS)
                    .whenException(ServiceFailure::worthRetrying)
                    .withCustomBackoff().strategy(() -> new Backoff(jitter)).done()
                    .done()
                .withCircuitBreaker()
                    .name(breakerName(service))
                    .requestVolumeThreshold(policy.breaker().requestVolume())
                    .failureRatio(policy.breaker().failureRatio())
                    .delay(policy.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(policy.breaker().successThreshold())
                    .when(ServiceFailure::brokenService)
                    .done()
                .withBulkhead()
                    .limit(policy.bulkhead().maxConcurrent())
                    .queueSize(policy.bulkhead().queue())
                    .done()
                // The call never blocks: start it where it is asked for, on the request's event loop, and deliver its
                // answer where it arrives. Left to itself the Guard would pass each call and each answer through the
                // event loop's task queue; a retry that fires on a timer thread finds its way back in call() instead.
                .withThreadOffload(true)
                .withThreadOffloadExecutor(Runnable::run)
                .build();
    }

    static String breakerName(String service) {
        return "facet-downstream-" + service;
    }

    /**
     * Runs {@code attempt} under this service's policy; {@code attempt} makes one call each time it is invoked.
     * The deadline is the one of the request that asks, taken now, so calls started from callbacks keep it.
     */
    public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        Deadline deadline = deadlines.get();
        Context request = RequestContexts.current();
        return Uni.createFrom().deferred(() -> {
            if (deadline.passed()) {
                return Uni.createFrom().failure(new DeadlinePassed(service));
            }
            DownstreamMetrics.Call metered = DownstreamMetrics.call(service);
            Uni<T> guarded = metered.result(guarded(() -> on(request, () -> metered.attempt(
                    () -> attemptWithin(deadline, attempt)))));
            return guarded.ifNoItem().after(deadline.remaining()).failWith(() -> new DeadlinePassed(service));
        });
    }

    /**
     * Every attempt starts on the request's Vert.x context, where the caller's token and the deadline are found:
     * the first one is already there; a retry fires on a timer thread after its backoff and is handed back.
     */
    private static <T> Uni<T> on(Context request, Supplier<Uni<T>> attempt) {
        if (request == null || RequestContexts.current() == request) {
            return attempt.get();
        }
        return Uni.createFrom().<T>deferred(attempt::get)
                .runSubscriptionOn(task -> request.runOnContext(ignored -> task.run()));
    }

    CircuitBreakerState breakerState() {
        return CircuitBreakerMaintenance.get().currentState(breakerName(service));
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> guarded(Supplier<Uni<T>> attempt) {
        return guard.get(attempt::get, Uni.class);
    }

    /**
     * One attempt, given the policy's timeout or what is left of the deadline, whichever is shorter. The timeout is
     * Mutiny's rather than the Guard's: it cancels the call, which closes the connection to a service that hangs
     * (a Guard timeout only stops waiting, and the connection would stay open until the client's read timeout).
     */
    private <T> Uni<T> attemptWithin(Deadline deadline, Supplier<Uni<T>> attempt) {
        Duration left = deadline.remaining();
        if (left.isZero()) {
            return Uni.createFrom().failure(new DeadlinePassed(service));
        }
        boolean deadlineFirst = left.compareTo(timeout) < 0;
        return attempt.get()
                .ifNoItem().after(deadlineFirst ? left : timeout)
                .failWith(() -> deadlineFirst ? new DeadlinePassed(service) : new AttemptTimedOut(service, timeout))
                .onFailure(failure -> asksTooLongAWait(failure, deadline)).transform(NoTimeToRetry::new);
    }

    /** A Retry-After longer than the policy allows, or than the request has left, is not worth waiting for. */
    private boolean asksTooLongAWait(Throwable failure, Deadline deadline) {
        return ServiceFailure.retryAfter(failure)
                .map(wait -> wait.compareTo(maxRetryAfter) > 0 || wait.compareTo(deadline.remaining()) >= 0)
                .orElse(false);
    }
}
