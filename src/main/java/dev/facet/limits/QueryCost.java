package dev.facet.limits;

import static dev.facet.limits.DocumentShape.add;
import static dev.facet.limits.DocumentShape.times;

import java.util.Map;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * What a document would cost to answer, estimated from the client's schema before it runs: every field costs 1,
 * and a field with a {@code first} argument multiplies what is below it by the size asked for (the argument, its
 * variable, or the schema's default). So {@code products(first: 100) { edges { node { reviews(first: 100) … } } }}
 * costs ten thousand times what one review costs, which is what it would ask of the services. Introspection
 * fields cost nothing here (graphql-java bounds them itself).
 */
public final class QueryCost {

    /** The size assumed for a list whose {@code first} cannot be read before validation (the most Facet serves). */
    static final long UNKNOWN_SIZE = 100;

    /**
     * An operation's cost in fields and in calls to services, and whether they depend on the variables (a
     * {@code first} given as a variable).
     */
    public record Estimate(long cost, long calls, boolean readsVariables) {
    }

    /** How many parents one batched call resolves: the services take ids a hundred at a time. */
    static final long IDS_PER_CALL = 100;

    private final GraphQLSchema schema;
    private final Fragments<Long> fragments;
    private final Map<String, Object> variables;
    private boolean readsVariables;

    private QueryCost(GraphQLSchema schema, Document document, Map<String, Object> variables) {
        this.schema = schema;
        this.fragments = new Fragments<>(document, 0L);
        this.variables = variables == null ? Map.of() : variables;
    }

    public static long of(GraphQLSchema schema, Document document, OperationDefinition operation,
            Map<String, Object> variables) {
        return estimate(schema, document, operation, variables).cost();
    }

    public static Estimate estimate(GraphQLSchema schema, Document document, OperationDefinition operation,
            Map<String, Object> variables) {
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        if (root == null) {
            return new Estimate(0, 0, false);
        }
        QueryCost measure = new QueryCost(schema, document, variables);
        long cost = measure.selections(operation.getSelectionSet(), root);
        long calls = measure.calls(operation.getSelectionSet(), root, 1);
        return new Estimate(cost, calls, measure.readsVariables);
    }

    private long selections(SelectionSet set, GraphQLType parent) {
        long cost = 0;
        if (set == null) {
            return cost;
        }
        for (Selection<?> selection : set.getSelections()) {
            cost = add(cost, selection(selection, parent));
        }
        return cost;
    }

    private long selection(Selection<?> selection, GraphQLType parent) {
        if (selection instanceof Field field) {
            return field(field, parent);
        }
        if (selection instanceof InlineFragment inline) {
            GraphQLType type = inline.getTypeCondition() == null ? parent
                    : schema.getType(inline.getTypeCondition().getName());
            return selections(inline.getSelectionSet(), type);
        }
        return fragment(((FragmentSpread) selection).getName());
    }

    private long field(Field field, GraphQLType parent) {
        if (field.getName().startsWith("__")) {
            return 0;
        }
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName())
                : null;
        if (definition == null) {
            return 1; // not in the schema: validation refuses it
        }
        long below = selections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
        return add(1, times(size(field, definition), below));
    }

    private long fragment(String name) {
        return fragments.measure(name, definition -> selections(definition.getSelectionSet(),
                schema.getType(definition.getTypeCondition().getName())));
    }

    /**
     * The calls {@code set} causes for {@code parents} parent objects. Walked top-down, since a batched field's calls
     * depend on how many parents share them; a fragment is measured once per number of parents it is spread under.
     */
    private long calls(SelectionSet set, GraphQLType parent, long parents) {
        long calls = 0;
        if (set == null || parents == 0) {
            return calls;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                calls = add(calls, fieldCalls(field, parent, parents));
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType type = inline.getTypeCondition() == null ? parent
                        : schema.getType(inline.getTypeCondition().getName());
                calls = add(calls, calls(inline.getSelectionSet(), type, parents));
            } else {
                calls = add(calls, fragmentCalls(((FragmentSpread) selection).getName(), parents));
            }
        }
        return calls;
    }

    private long fieldCalls(Field field, GraphQLType parent, long parents) {
        if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
            return 0;
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
        if (definition == null) {
            return 0; // validation refuses it
        }
        long own = 0;
        if (schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(container.getName(), field.getName()),
                definition) instanceof DownstreamField downstream) {
            own = downstream.batched() ? add(parents / IDS_PER_CALL, parents % IDS_PER_CALL == 0 ? 0 : 1) : parents;
        }
        long children = times(parents, size(field, definition));
        return add(own, calls(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()), children));
    }

    /** '@' is in no GraphQL name, so these keys never meet the cost walk's, which are the fragments' names. */
    private long fragmentCalls(String name, long parents) {
        return fragments.measure(name, name + '@' + parents, definition -> calls(definition.getSelectionSet(),
                schema.getType(definition.getTypeCondition().getName()), parents));
    }

    /** How many items the field asks for: its {@code first}, else 1. */
    private long size(Field field, GraphQLFieldDefinition definition) {
        GraphQLArgument first = definition.getArgument("first");
        if (first == null) {
            return 1;
        }
        Argument given = field.getArguments().stream().filter(argument -> argument.getName().equals("first"))
                .findFirst().orElse(null);
        if (given != null) {
            return count(given.getValue());
        }
        Object fallback = first.hasSetDefaultValue() ? first.getArgumentDefaultValue().getValue() : null;
        return fallback instanceof Value<?> literal ? count(literal)
                : fallback instanceof Number number ? Math.max(0, number.longValue()) : UNKNOWN_SIZE;
    }

    private long count(Value<?> value) {
        if (value instanceof IntValue number) {
            return Math.max(0, number.getValue().min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue());
        }
        if (value instanceof VariableReference reference) {
            readsVariables = true;
            if (variables.get(reference.getName()) instanceof Number number) {
                return Math.max(0, number.longValue());
            }
        }
        return UNKNOWN_SIZE; // null (the field's default then applies) or a value validation will refuse
    }
}
