package dev.facet.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch resolver must answer one value per source, in the sources' order; a service answers a map by id that
 * lacks the ids it does not know. This lines the two up, with null where the service had nothing.
 */
public final class SourceOrder {

    private SourceOrder() {
    }

    public static <S, D, T> List<T> align(List<S> sources, Function<S, String> idOf, Map<String, D> found,
            Function<D, T> toField) {
        return sources.stream().map(source -> {
            D dto = found.get(idOf.apply(source));
            return dto == null ? null : toField.apply(dto);
        }).toList();
    }
}
