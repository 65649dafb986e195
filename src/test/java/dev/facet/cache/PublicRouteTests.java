package dev.facet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * A route on its own, without Quarkus: the calls it makes are counted, held back and completed by the test, so
 * what waits for what — and what a cancellation reaches — is exact.
 */
class PublicRouteTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Item(String id, String text) {
    }

    private static PublicRoute<Item> route(Duration ttl, long maxBytes) {
        return route(ttl, new AnswerCache(maxBytes, Runnable::run));
    }

    private static PublicRoute<Item> route(Duration ttl, AnswerCache cache) {
        return new PublicRoute<>("catalog.products", ttl, JSON.constructType(Item.class), JSON, cache, null);
    }

    /** A call the test answers when it likes; it records whether anyone cancelled it. */
    private static final class HeldCall {
        final AtomicInteger made = new AtomicInteger();
        final AtomicBoolean cancelled = new AtomicBoolean();
        final CompletableFuture<Fetched<Item>> answer = new CompletableFuture<>();

        Uni<Fetched<Item>> call() {
            made.incrementAndGet();
            return Uni.createFrom().completionStage(answer).onCancellation().invoke(() -> cancelled.set(true));
        }
    }

    @Test
    void readersWaitingAtOnceShareOneCallAndOneGivingUpCancelsOnlyItsOwnWait() throws Exception {
        PublicRoute<Item> route = route(Duration.ofHours(1), 1 << 20);
        HeldCall call = new HeldCall();

        List<CompletableFuture<Item>> patient = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            patient.add(route.one("p1", call::call).subscribeAsCompletionStage());
        }
        CompletableFuture<Item> cancelledWait = new CompletableFuture<>();
        Cancellable leaving = route.one("p1", call::call).subscribe().with(cancelledWait::complete);
        CompletableFuture<Throwable> timedOut = new CompletableFuture<>();
        route.one("p1", call::call).ifNoItem().after(Duration.ofMillis(50)).fail()
                .subscribe().with(item -> timedOut.complete(null), timedOut::complete);

        leaving.cancel();
        assertThat(timedOut.get(2, TimeUnit.SECONDS)).isInstanceOf(io.smallrye.mutiny.TimeoutException.class);
        assertThat(call.cancelled).as("the shared call was cancelled").isFalse();

        call.answer.complete(new Fetched<>(new Item("p1", "one"), null));
        for (CompletableFuture<Item> reader : patient) {
            assertThat(reader.get(2, TimeUnit.SECONDS)).isEqualTo(new Item("p1", "one"));
        }
        assertThat(call.made).as("calls made for 7 readers").hasValue(1);
        assertThat(cancelledWait).isNotDone();
        assertThat(route.counts().coalesced()).isEqualTo(6);

        assertThat(route.one("p1", call::call).await().atMost(Duration.ofSeconds(1))).isEqualTo(new Item("p1", "one"));
        assertThat(call.made).as("a later reader finds it kept").hasValue(1);
        assertThat(route.counts().asked()).isEqualTo(8);
        assertThat(route.counts().misses()).isEqualTo(1);
    }

    @Test
    void aNoStoreAnswerIsSharedByTheReadersAlreadyWaitingAndThenForgotten() throws Exception {
        PublicRoute<Item> route = route(Duration.ofHours(1), 1 << 20);
        HeldCall first = new HeldCall();
        CompletableFuture<Item> a = route.one("p2", first::call).subscribeAsCompletionStage();
        CompletableFuture<Item> b = route.one("p2", first::call).subscribeAsCompletionStage();
        first.answer.complete(new Fetched<>(new Item("p2", "fresh"), "no-store"));
        assertThat(a.get(2, TimeUnit.SECONDS)).isEqualTo(b.get(2, TimeUnit.SECONDS));
        assertThat(first.made).hasValue(1);

        HeldCall second = new HeldCall();
        second.answer.complete(new Fetched<>(new Item("p2", "fresher"), null));
        assertThat(route.one("p2", second::call).await().atMost(Duration.ofSeconds(1)).text()).isEqualTo("fresher");
        assertThat(second.made).as("the no-store answer was not kept").hasValue(1);
    }

    @Test
    void aFailedCallIsNotKept() {
        PublicRoute<Item> route = route(Duration.ofHours(1), 1 << 20);
        AtomicInteger calls = new AtomicInteger();
        Uni<Item> failing = route.one("p3", () -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("catalog down"));
        });
        assertThat(failing.onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(1))).isNull();
        assertThat(route.one("p3", () -> {
            calls.incrementAndGet();
            return Uni.createFrom().item(new Fetched<>(new Item("p3", "back"), null));
        }).await().atMost(Duration.ofSeconds(1)).text()).isEqualTo("back");
        assertThat(calls).hasValue(2);
    }

    @Test
    void anAnswerWithoutAValueIsPassedOnButNotKept() {
        PublicRoute<Item> route = route(Duration.ofHours(1), 1 << 20);
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThat(route.one("p4", () -> {
                calls.incrementAndGet();
                return Uni.createFrom().item(new Fetched<Item>(null, null));
            }).await().atMost(Duration.ofSeconds(1))).isNull();
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void aBatchFetchesOnlyWhatIsNotKeptInOneCallAndLeavesOutWhatTheServiceDoesNotKnow() {
        PublicRoute<Item> route = route(Duration.ofHours(1), 1 << 20);
        List<List<String>> asked = new ArrayList<>();
        Map<String, Item> first = route.many(List.of("p1", "p2"), ids -> fetch(asked, ids), Item::id)
                .await().atMost(Duration.ofSeconds(1));
        Map<String, Item> second = route.many(List.of("p2", "p3", "gone", "p1"), ids -> fetch(asked, ids), Item::id)
                .await().atMost(Duration.ofSeconds(1));

        assertThat(first).containsOnlyKeys("p1", "p2");
        assertThat(second).containsOnlyKeys("p1", "p2", "p3");
        assertThat(asked).containsExactly(List.of("p1", "p2"), List.of("p3", "gone"));
        route.many(List.of("gone"), ids -> fetch(asked, ids), Item::id).await().atMost(Duration.ofSeconds(1));
        assertThat(asked).as("an unknown id is asked again: absence is not kept").hasSize(3);
    }

    private static Uni<List<Fetched<Item>>> fetch(List<List<String>> asked, List<String> ids) {
        asked.add(List.copyOf(ids));
        return Uni.createFrom().item(ids.stream().filter(id -> !id.equals("gone"))
                .map(id -> new Fetched<>(new Item(id, "text of " + id), null)).toList());
    }

    @Test
    void theByteBoundEvicts() {
        // each answer weighs 200 + 2 × its JSON (~1 kB of text: ~2.2 kB); 20 kB hold at most 9 of them
        AnswerCache cache = new AnswerCache(20_000, Runnable::run);
        PublicRoute<Item> route = route(Duration.ofHours(1), cache);
        String text = "x".repeat(1_000);
        AtomicInteger calls = new AtomicInteger();
        IntStream.range(0, 100).forEach(i -> route.one("p" + i, () -> {
            calls.incrementAndGet();
            return Uni.createFrom().item(new Fetched<>(new Item("p" + i, text), null));
        }).await().atMost(Duration.ofSeconds(1)));

        assertThat(cache.size()).isBetween(1L, 9L);
        // read them all again: at least the 91 that could not be kept are fetched again
        IntStream.range(0, 100).forEach(i -> route.one("p" + i, () -> {
            calls.incrementAndGet();
            return Uni.createFrom().item(new Fetched<>(new Item("p" + i, text), null));
        }).await().atMost(Duration.ofSeconds(1)));
        assertThat(calls.get()).isGreaterThanOrEqualTo(100 + 91);
    }
}
