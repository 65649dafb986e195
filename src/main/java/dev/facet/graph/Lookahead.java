package dev.facet.graph;

import java.util.List;
import java.util.Objects;

import dev.facet.execution.ResolvingField;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;

/**
 * What the client selected below the field being resolved, so a resolver that already knows the ids its children
 * need can start their calls now instead of after its own.
 */
public final class Lookahead {

    private static final Lookahead NOTHING = new Lookahead(null);

    private final DataFetchingFieldSelectionSet selection;

    private Lookahead(DataFetchingFieldSelectionSet selection) {
        this.selection = selection;
    }

    /** Below the field whose resolver is running; outside a resolver's call, nothing is selected. */
    public static Lookahead current() {
        DataFetchingEnvironment field = ResolvingField.current();
        return field == null ? NOTHING : new Lookahead(field.getSelectionSet());
    }

    /** Whether {@code path} (e.g. {@code stock} or {@code recommendations/rating}) is selected. */
    public boolean selects(String path) {
        return selection != null && selection.contains(path);
    }

    /**
     * The valid {@code first} arguments the client gave the child field {@code name} — once per selection, since
     * aliases may select a field twice. Out-of-range values are left for the field's resolver to refuse;
     * an absent or null argument is the field's default, as its resolver will read it.
     */
    public List<Integer> firstArguments(String name, int defaultFirst) {
        if (selection == null) {
            return List.of();
        }
        return selection.getImmediateFields().stream()
                .filter(field -> field.getName().equals(name))
                .map(field -> field.getArguments().get("first"))
                .map(first -> first == null ? Integer.valueOf(defaultFirst)
                        : first instanceof Integer value ? value : null)
                .filter(Objects::nonNull)
                .filter(first -> first >= 1 && first <= First.MAX)
                .distinct()
                .toList();
    }
}
