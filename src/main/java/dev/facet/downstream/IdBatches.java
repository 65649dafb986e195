package dev.facet.downstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * Splits a batch of ids into the chunks the services accept (at most {@value #MAX_IDS} per call), asks for every
 * chunk at once and joins the answers in the order of the ids.
 */
public final class IdBatches {

    /** The most ids any batch endpoint of the shop accepts in one call. */
    public static final int MAX_IDS = 100;

    private IdBatches() {
    }

    public static <T> Uni<List<T>> fetch(Collection<String> ids, Function<String, Uni<List<T>>> callWithCsv) {
        List<List<String>> chunks = chunks(ids);
        if (chunks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (chunks.size() == 1) {
            return callWithCsv.apply(String.join(",", chunks.get(0)));
        }
        List<Uni<List<T>>> calls = chunks.stream().map(chunk -> callWithCsv.apply(String.join(",", chunk))).toList();
        return Uni.combine().all().unis(calls).with(answers -> {
            List<T> joined = new ArrayList<>();
            for (Object answer : answers) {
                @SuppressWarnings("unchecked")
                List<T> part = (List<T>) answer;
                joined.addAll(part);
            }
            return joined;
        });
    }

    static List<List<String>> chunks(Collection<String> ids) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += MAX_IDS) {
            chunks.add(unique.subList(from, Math.min(from + MAX_IDS, unique.size())));
        }
        return chunks;
    }
}
