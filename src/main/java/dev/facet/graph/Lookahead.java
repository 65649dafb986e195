package dev.facet.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.facet.execution.ResolvingField;
import graphql.execution.conditional.ConditionalNodes;
import graphql.language.Argument;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;

/**
 * What the client selected below the field being resolved, so a resolver that already knows the ids its children
 * need can start their calls now instead of after its own.
 *
 * <p>Read from the document itself — the field's selections, through its fragments, minus what {@code @skip} and
 * {@code @include} leave out — rather than from graphql-java's {@code DataFetchingFieldSelectionSet}: that one
 * builds the normalized form of the whole operation on first use, in every request, and compiles a glob for every
 * {@code contains}, which together cost a signed-in page more than its resolvers. A resolver asks a handful of
 * questions a few levels deep; walking the few selections they name is all the answer needs.
 */
public final class Lookahead {

    private static final Lookahead NOTHING = new Lookahead(null);
    private static final ConditionalNodes CONDITIONS = new ConditionalNodes();
    private static final int MAX_FRAGMENT_DEPTH = 32;

    private final DataFetchingEnvironment field;

    private Lookahead(DataFetchingEnvironment field) {
        this.field = field;
    }

    /** Below the field whose resolver is running; outside a resolver's call, nothing is selected. */
    public static Lookahead current() {
        DataFetchingEnvironment field = ResolvingField.current();
        return field == null ? NOTHING : new Lookahead(field);
    }

    /** Whether {@code path} (e.g. {@code stock} or {@code recommendations/rating}) is selected. */
    public boolean selects(String path) {
        if (field == null) {
            return false;
        }
        List<Field> level = field.getMergedField().getFields();
        for (String name : path.split("/")) {
            level = children(level, name);
            if (level.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The valid {@code first} arguments the client gave the child field {@code name} — once per selection, since
     * aliases may select a field twice. Out-of-range values are left for the field's resolver to refuse;
     * an absent or null argument is the field's default, as its resolver will read it.
     */
    public List<Integer> firstArguments(String name, int defaultFirst) {
        if (field == null) {
            return List.of();
        }
        return children(field.getMergedField().getFields(), name).stream()
                .map(child -> first(child, defaultFirst))
                .filter(first -> first != null && first >= 1 && first <= First.MAX)
                .distinct()
                .toList();
    }

    private Integer first(Field child, int defaultFirst) {
        Value<?> value = null;
        for (Argument argument : child.getArguments()) {
            if (argument.getName().equals("first")) {
                value = argument.getValue();
            }
        }
        if (value instanceof VariableReference variable) {
            Object coerced = field.getVariables().get(variable.getName());
            return coerced == null ? Integer.valueOf(defaultFirst) : coerced instanceof Integer number ? number : null;
        }
        if (value == null || value instanceof NullValue) {
            return defaultFirst;
        }
        return value instanceof IntValue number && number.getValue().bitLength() < 32 ? number.getValue().intValue()
                : null;
    }

    /** The included selections named {@code name} directly below {@code parents}, through their fragments. */
    private List<Field> children(List<Field> parents, String name) {
        List<Field> found = new ArrayList<>();
        for (Field parent : parents) {
            collect(parent.getSelectionSet(), name, found, 0);
        }
        return found;
    }

    private void collect(SelectionSet set, String name, List<Field> found, int depth) {
        if (set == null || depth > MAX_FRAGMENT_DEPTH) {
            return; // fragments nest only as deep as validation allowed; the guard is for a cycle it would refuse
        }
        Map<String, Object> variables = field.getVariables();
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field child) {
                if (child.getName().equals(name) && included(child, variables)) {
                    found.add(child);
                }
            } else if (selection instanceof InlineFragment inline) {
                if (included(inline, variables)) {
                    collect(inline.getSelectionSet(), name, found, depth + 1);
                }
            } else if (selection instanceof FragmentSpread spread && included(spread, variables)) {
                FragmentDefinition fragment = field.getFragmentsByName().get(spread.getName());
                if (fragment != null) {
                    collect(fragment.getSelectionSet(), name, found, depth + 1);
                }
            }
        }
    }

    private boolean included(DirectivesContainer<?> selection, Map<String, Object> variables) {
        return selection.getDirectives().isEmpty()
                || CONDITIONS.shouldInclude(selection, variables, field.getGraphQLSchema(), field.getGraphQlContext());
    }
}
