package dev.facet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.facet.downstream.DownstreamSettings;
import dev.facet.downstream.ServiceFailure;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import dev.facet.testing.ShopServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A coalesced read as the services make it — through the catalog's real {@link ServiceGuard} — started by a request
 * whose deadline is about to pass: that request gives up in time, and the call it started goes on under the
 * catalog's policy for the request that waits with it.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class SharedReadsTests {

    @Inject
    ServiceGuards guards;

    @Inject
    DownstreamSettings settings;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    @Test
    void theRequestThatStartedASharedReadTimingOutNeitherCancelsNorFailsItForTheOthers() throws Exception {
        ServiceGuard catalog = guards.of("catalog");
        PublicRoute<String> pages = new PublicRoute<>("catalog.pages", Duration.ofMinutes(1),
                json.constructType(String.class), json, new AnswerCache(1 << 20), null);
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<String> catalogAnswer = new CompletableFuture<>();
        Uni<String> read = Uni.createFrom().deferred(() -> catalog.awaitShared(pages.one("c1|20|",
                () -> catalog.callShared(() -> {
                    calls.incrementAndGet();
                    return Uni.createFrom().completionStage(catalogAnswer)
                            .onCancellation().invoke(() -> cancelled.set(true));
                }).map(page -> new Fetched<>(page, null)))));

        // the first request arrived long ago: 150 ms of its deadline are left
        CompletableFuture<Throwable> late = new CompletableFuture<>();
        onRequest(System.nanoTime() - settings.deadline().toNanos() + Duration.ofMillis(150).toNanos(),
                () -> read.subscribe().with(page -> late.complete(null), late::complete));
        for (int i = 0; i < 400 && calls.get() == 0; i++) {
            Thread.sleep(5); // until the late request has started the call: the other one joins it
        }
        assertThat(calls).as("started by the late request").hasValue(1);
        CompletableFuture<String> onTime = new CompletableFuture<>();
        onRequest(System.nanoTime(), () -> read.subscribe().with(onTime::complete, onTime::completeExceptionally));

        Throwable gaveUp = late.get(2, TimeUnit.SECONDS);
        assertThat(ServiceFailure.of(gaveUp)).as(String.valueOf(gaveUp)).isEqualTo(ServiceFailure.TIMED_OUT);
        assertThat(ServiceFailure.service(gaveUp)).isEqualTo("catalog");
        Thread.sleep(100);
        assertThat(onTime).as("the other request still waits").isNotDone();
        assertThat(cancelled).as("the shared call was cancelled").isFalse();

        catalogAnswer.complete("page one");
        assertThat(onTime.get(2, TimeUnit.SECONDS)).isEqualTo("page one");
        assertThat(calls).as("calls to the catalog").hasValue(1);
    }

    /** Runs {@code work} on a request's own Vert.x context, as if that request had arrived at {@code arrival}. */
    private void onRequest(long arrival, Runnable work) {
        Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        request.runOnContext(ignored -> {
            ContextLocals.put("facet.arrival", arrival); // what RequestDeadline.markArrival() keeps
            work.run();
        });
    }
}
