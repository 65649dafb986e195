package dev.facet.downstream;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * settings. A call first waits for its turn among the request's own calls to the service ({@link RequestLane});
 * then each attempt waits for a place in the service's bulkhead (the reads', or the writes' own), passes the
 * service's circuit breaker and has a timeout; transient failures are retried with backoff, as far as the service's
 * retry budget allows — all within what is left of the request's deadline, which also bounds the call as a whole.
 *
 * <p>The order matters, and SmallRye's {@code Guard} puts its bulkhead inside its breaker, so a call the bulkhead
 * refused would count as a success (or, with another predicate, a failure) of the service. Here the bulkhead is a
 * guard of its own around the breaker's: a refusal is Facet's own overload and says nothing about the service.
 *
 * <p>Every call through a guard must be safe to repeat: a read, or a write the service de-duplicates (an
 * idempotency key that the attempt supplier sends again on every attempt).
 */
public final class ServiceGuard {

    private final String service;
    private final Guard retry;
    private final Guard breaker;
    private final Guard reads;
    private final Guard writes;
    private final RetryBudget budget;
    private final int maxRetries;
    private final Duration timeout;
    private final Duration maxRetryAfter;
    private final Duration requestDeadline;
    private final int maxCallsInFlightPerRequest;
    private final Supplier<Deadline> deadlines;
    private final Object laneKey = new Object();

    ServiceGuard(String service, DownstreamSettings.Policy policy, Duration requestDeadline,
            int maxCallsInFlightPerRequest, Supplier<Deadline> deadlines) {
        if (policy.timeout().toMillis() < 1 || maxCallsInFlightPerRequest < 1) {
            throw new IllegalArgumentException("The timeout of " + service + " must be at least 1 ms, and a request"
                    + " may have at least 1 call in flight per service");
        }
        this.service = service;
        this.timeout = policy.timeout();
        this.requestDeadline = requestDeadline;
        this.maxRetries = policy.retry().maxRetries();
        this.maxRetryAfter = policy.retry().maxRetryAfter();
        this.maxCallsInFlightPerRequest = maxCallsInFlightPerRequest;
        this.deadlines = deadlines;
        this.budget = new RetryBudget(policy.retry().budget());
        long jitter = policy.retry().jitter().toMillis();
        this.retry = onTheCallersThread(Guard.create()
                .withDescription("downstream " + service + " retry")
                .withRetry()
                    .maxRetries(maxRetries)
                    .delay(policy.retry().delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS) // Backoff adds its own, never on top of a Retry-After
                    .maxDuration(requestDeadline.toMillis(), ChronoUnit.MILLIS)
                    .whenException(ServiceFailure::worthRetrying)
                    .withCustomBackoff().strategy(() -> new Backoff(jitter)).done()
                    .done());
        this.breaker = onTheCallersThread(Guard.create()
                .withDescription("downstream " + service)
                .withCircuitBreaker()
                    .name(breakerName(service))
                    .requestVolumeThreshold(policy.breaker().requestVolume())
                    .failureRatio(policy.breaker().failureRatio())
                    .delay(policy.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(policy.breaker().successThreshold())
                    .when(ServiceFailure::brokenService)
                    .done());
        this.reads = onTheCallersThread(Guard.create()
                .withDescription("downstream " + service + " reads")
                .withBulkhead()
                    .limit(policy.bulkhead().maxConcurrent())
                    .queueSize(policy.bulkhead().queue())
                    .done());
        this.writes = onTheCallersThread(Guard.create()
                .withDescription("downstream " + service + " writes")
                .withBulkhead()
                    .limit(policy.writes().bulkhead().maxConcurrent())
                    .queueSize(policy.writes().bulkhead().queue())
                    .done());
    }

    /**
     * The call never blocks: start it where it is asked for, on the request's event loop, and deliver its answer
     * where it arrives. Left to itself a Guard would pass each call and each answer through the event loop's task
     * queue; a retry that fires on a timer thread finds its way back in {@link #on} instead.
     */
    private static Guard onTheCallersThread(Guard.Builder builder) {
        return builder.withThreadOffload(true).withThreadOffloadExecutor(Runnable::run).build();
    }

    static String breakerName(String service) {
        return "facet-downstream-" + service;
    }

    /**
     * Runs a read under this service's policy; {@code attempt} makes one call each time it is invoked. The deadline
     * is the one of the request that asks, taken now, so calls started from callbacks keep it.
     */
    public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        return guarded(reads, attempt);
    }

    /**
     * Runs a write under this service's policy, in the writes' own bulkhead. {@code attempt} must send what makes
     * the service de-duplicate it (an idempotency key) on every attempt: a write whose answer was lost is retried.
     */
    public <T> Uni<T> write(Supplier<Uni<T>> attempt) {
        return guarded(writes, attempt);
    }

    /**
     * Runs a read that several requests wait for (a coalesced public read, {@code dev.facet.cache}) under this
     * service's policy — bulkhead, breaker, each attempt's timeout, retries within the budget — but under no one
     * request: its deadline is a whole request's budget ({@code facet.downstream.deadline}) from the moment it
     * starts, and it takes no place in any request's lane. Were it bound to the request that happened to start it,
     * that request's deadline passing would fail the call for every other request waiting for it. Each waiting
     * request still waits only as long as its own deadline allows ({@link #awaitShared}).
     */
    public <T> Uni<T> callShared(Supplier<Uni<T>> attempt) {
        return Uni.createFrom().deferred(() -> guarded(reads, attempt, Deadline.after(System.nanoTime(),
                requestDeadline), null));
    }

    /**
     * Waits for {@code shared} (an answer other requests may be waiting for too) until the asking request's
     * deadline: past it, this request's wait fails as any call of this service whose deadline passed, and only the
     * wait is cancelled — {@code shared} must stand for a call that outlives one waiter's cancellation.
     */
    public <T> Uni<T> awaitShared(Uni<T> shared) {
        Deadline deadline = deadlines.get();
        return Uni.createFrom().<T>deferred(() -> {
            long left = deadline.remainingMillis();
            if (left < 1) {
                return Uni.createFrom().failure(new DeadlinePassed(service));
            }
            return shared.ifNoItem().after(Duration.ofMillis(left)).failWith(() -> new DeadlinePassed(service));
        }).onFailure(failure -> !(failure instanceof ServiceCallFailed))
                .transform(failure -> new ServiceCallFailed(service, failure));
    }

    private <T> Uni<T> guarded(Guard bulkhead, Supplier<Uni<T>> attempt) {
        return guarded(bulkhead, attempt, deadlines.get(), RequestContexts.current());
    }

    private <T> Uni<T> guarded(Guard bulkhead, Supplier<Uni<T>> attempt, Deadline deadline, Context request) {
        return Uni.createFrom().<T>deferred(() -> {
            // Whole milliseconds: a timer cannot wait for less than one (Vert.x refuses it).
            long left = deadline.remainingMillis();
            if (left < 1) {
                return Uni.createFrom().failure(new DeadlinePassed(service));
            }
            Supplier<Uni<T>> call = () -> attempts(bulkhead, request, deadline, attempt);
            Uni<T> inTurn = request == null ? call.get() : lane(request).run(call);
            return inTurn.ifNoItem().after(Duration.ofMillis(left)).failWith(() -> new DeadlinePassed(service));
        }).onFailure().transform(failure -> new ServiceCallFailed(service, failure));
    }

    /** This service's calls of the request on {@code request}'s context, made on its first call. */
    private RequestLane lane(Context request) {
        synchronized (request) {
            RequestLane lane = request.getLocal(laneKey);
            if (lane == null) {
                lane = new RequestLane(maxCallsInFlightPerRequest, request);
                request.putLocal(laneKey, lane);
            }
            return lane;
        }
    }

    /** The attempts of one call: retried outermost, then the bulkhead, then the breaker, then the attempt itself. */
    private <T> Uni<T> attempts(Guard bulkhead, Context request, Deadline deadline, Supplier<Uni<T>> attempt) {
        budget.recordCall();
        AtomicInteger made = new AtomicInteger();
        // metered inside the breaker: an attempt is timed only when it runs; a refusal is read from the result
        DownstreamMetrics.Call metered = DownstreamMetrics.call(service);
        return metered.result(this.<T>guard(retry, () -> on(request, () -> this.<T>guard(bulkhead,
                () -> this.<T>guard(breaker, () -> metered.attempt(
                        () -> attemptWithin(deadline, attempt, made.incrementAndGet())))))));
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
    private <T> Uni<T> guard(Guard guard, Supplier<Uni<T>> attempt) {
        return guard.get(attempt::get, Uni.class);
    }

    /**
     * Attempt number {@code number}, given the policy's timeout or what is left of the deadline, whichever is
     * shorter. The timeout is Mutiny's rather than the Guard's: it cancels the call, which closes the connection to
     * a service that hangs (a Guard timeout only stops waiting, and the connection would stay open until the
     * client's read timeout). A failure worth retrying that cannot be (no time, no budget) says so here.
     */
    private <T> Uni<T> attemptWithin(Deadline deadline, Supplier<Uni<T>> attempt, int number) {
        long left = deadline.remainingMillis();
        if (left < 1) {
            return Uni.createFrom().failure(new DeadlinePassed(service));
        }
        boolean deadlineFirst = left < timeout.toMillis();
        return attempt.get()
                .ifNoItem().after(deadlineFirst ? Duration.ofMillis(left) : timeout)
                .failWith(() -> deadlineFirst ? new DeadlinePassed(service) : new AttemptTimedOut(service, timeout))
                .onFailure(ServiceFailure::worthRetrying).transform(failure -> notRetried(failure, deadline, number));
    }

    private Throwable notRetried(Throwable failure, Deadline deadline, int number) {
        if (asksTooLongAWait(failure, deadline)) {
            return NotRetried.noTime(failure);
        }
        if (number <= maxRetries && !budget.tryRetry()) {
            return NotRetried.noBudget(service, failure);
        }
        return failure;
    }

    /** A Retry-After longer than the policy allows, or than the request has left, is not worth waiting for. */
    private boolean asksTooLongAWait(Throwable failure, Deadline deadline) {
        return ServiceFailure.retryAfter(failure)
                .map(wait -> wait.compareTo(maxRetryAfter) > 0 || wait.compareTo(deadline.remaining()) >= 0)
                .orElse(false);
    }
}
