package dev.facet.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.facet.testing.ShopServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * A guard given no time: a request whose deadline has passed, or passes within the millisecond, gets a timeout at
 * once and never a call, nor a timer Vert.x refuses to schedule. The guard is built as {@link ServiceGuards} builds
 * it, from the configured policy, and runs on a request's (duplicated) Vert.x context like every call of a request.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class ServiceGuardTests {

    @Inject
    DownstreamSettings settings;

    @Inject
    Vertx vertx;

    @ParameterizedTest(name = "{0} µs left")
    @ValueSource(longs = { 0, -5_000, 500, 999 })
    void noTimeLeftIsATimeoutWithoutACall(long microsLeft) throws Exception {
        ServiceGuard guard = ServiceGuards.guard("guard-tests-" + microsLeft, settings,
                () -> new Deadline(System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(microsLeft)));
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        VertxContext.getOrCreateDuplicatedContext(vertx).runOnContext(ignored -> guard.call(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().nothing(); // a service that never answers: only the deadline ends the call
        }).subscribe().with(item -> failure.complete(null), failure::complete));

        Throwable failed = failure.get(2, TimeUnit.SECONDS);
        assertThat(failed).as("the call failed").isNotNull();
        assertThat(ServiceFailure.of(failed)).as(String.valueOf(failed)).isEqualTo(ServiceFailure.TIMED_OUT);
        assertThat(attempts).as("attempts made").hasValue(0);
    }

    @ParameterizedTest(name = "{0} ms left")
    @ValueSource(longs = { 1, 3 })
    void aFewMillisecondsLeftAreStillUsedAndThenTimeOut(long millisLeft) throws Exception {
        ServiceGuard guard = ServiceGuards.guard("guard-tests-ms-" + millisLeft, settings,
                () -> new Deadline(System.nanoTime() + Duration.ofMillis(millisLeft).toNanos()));

        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        VertxContext.getOrCreateDuplicatedContext(vertx).runOnContext(ignored -> guard.call(
                () -> Uni.createFrom().nothing()).subscribe().with(item -> failure.complete(null), failure::complete));

        Throwable failed = failure.get(2, TimeUnit.SECONDS);
        assertThat(ServiceFailure.of(failed)).as(String.valueOf(failed)).isEqualTo(ServiceFailure.TIMED_OUT);
    }
}
