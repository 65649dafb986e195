package dev.facet.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/** How a batch of ids becomes calls to a service's batch endpoint. */
class IdBatchesTests {

    /** Records each call's csv and answers with the ids it was asked for, as the services do. */
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private Uni<List<String>> echo(String csv) {
        calls.add(csv);
        return Uni.createFrom().item(List.of(csv.split(",")));
    }

    @Test
    void aHundredIdsGoInOneCall() {
        List<String> ids = ids(1, 100);

        List<String> answer = IdBatches.fetch(ids, this::echo).await().indefinitely();

        assertThat(calls).containsExactly(String.join(",", ids));
        assertThat(answer).isEqualTo(ids);
    }

    @Test
    void aHundredAndOneIdsGoInTwoCallsOfAHundredAndOne() {
        List<String> ids = ids(1, 101);

        IdBatches.fetch(ids, this::echo).await().indefinitely();

        assertThat(calls).containsExactly(String.join(",", ids(1, 100)), "p101");
    }

    @Test
    void twoHundredAndFiftyIdsGoInThreeCallsWhoseAnswersAreJoinedInIdOrder() {
        List<String> ids = ids(1, 250);

        List<String> answer = IdBatches.fetch(ids, this::echo).await().indefinitely();

        assertThat(calls).containsExactly(String.join(",", ids(1, 100)), String.join(",", ids(101, 200)),
                String.join(",", ids(201, 250)));
        assertThat(answer).isEqualTo(ids);
    }

    @Test
    void chunksAreAskedForAllAtOnceAndJoinedInIdOrderWhicheverAnswersFirst() {
        // The services answer in any order; the joined list must still follow the ids.
        List<CompletableFuture<List<String>>> answers = new ArrayList<>();
        Uni<List<String>> fetch = IdBatches.fetch(ids(1, 250), csv -> {
            calls.add(csv);
            CompletableFuture<List<String>> answer = new CompletableFuture<>();
            answers.add(answer);
            return Uni.createFrom().completionStage(answer);
        });
        UniAssertSubscriber<List<String>> result = fetch.subscribe().withSubscriber(UniAssertSubscriber.create());

        // Every chunk is asked for before any has answered: the calls do not wait for each other.
        assertThat(answers).hasSize(3);
        result.assertNotTerminated();
        answers.get(2).complete(List.of("third"));
        answers.get(0).complete(List.of("first-a", "first-b"));
        result.assertNotTerminated();
        answers.get(1).complete(List.of("second"));

        result.assertCompleted().assertItem(List.of("first-a", "first-b", "second", "third"));
    }

    @Test
    void anIdAskedForTwiceIsSentOnce() {
        List<String> answer = IdBatches.fetch(List.of("p1", "p2", "p1", "p2", "p3"), this::echo).await()
                .indefinitely();

        assertThat(calls).containsExactly("p1,p2,p3");
        assertThat(answer).containsExactly("p1", "p2", "p3");
    }

    @Test
    void duplicatesDoNotCountTowardsTheHundred() {
        // 150 ids of which 100 distinct: one call, not two.
        List<String> ids = new ArrayList<>(ids(1, 100));
        ids.addAll(ids(1, 50));

        IdBatches.fetch(ids, this::echo).await().indefinitely();

        assertThat(calls).containsExactly(String.join(",", ids(1, 100)));
    }

    @Test
    void idsKeepTheOrderTheyWereAskedInNotASortedOne() {
        IdBatches.fetch(List.of("p30", "p4", "p100", "p1"), this::echo).await().indefinitely();

        assertThat(calls).containsExactly("p30,p4,p100,p1");
    }

    @Test
    void theFirstOccurrenceOfADuplicateDecidesItsPlace() {
        IdBatches.fetch(List.of("p3", "p1", "p3", "p2", "p1"), this::echo).await().indefinitely();

        assertThat(calls).containsExactly("p3,p1,p2");
    }

    @Test
    void nullIdsAreDropped() {
        IdBatches.fetch(Arrays.asList("p1", null, "p2", null), this::echo).await().indefinitely();

        assertThat(calls).containsExactly("p1,p2");
    }

    @Test
    void noIdsMakeNoCall() {
        List<String> answer = IdBatches.fetch(List.of(), this::echo).await().indefinitely();

        assertThat(calls).isEmpty();
        assertThat(answer).isEmpty();
    }

    @Test
    void onlyNullIdsMakeNoCall() {
        List<String> answer = IdBatches.fetch(Arrays.asList(null, null), this::echo).await().indefinitely();

        assertThat(calls).isEmpty();
        assertThat(answer).isEmpty();
    }

    @Test
    void aFailedChunkFailsTheWholeBatch() {
        // A partial answer would silently drop the failed chunk's ids, as if the service did not know them.
        Uni<List<String>> fetch = IdBatches.fetch(ids(1, 250), csv -> csv.startsWith("p101,")
                ? Uni.createFrom().failure(new IllegalStateException("inventory down"))
                : echo(csv));

        fetch.subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(IllegalStateException.class, "inventory down");
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> "p" + n).toList();
    }
}
