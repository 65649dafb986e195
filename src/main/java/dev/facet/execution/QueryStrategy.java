package dev.facet.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResultNodesInfo;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * graphql-java's {@link AsyncExecutionStrategy}, except that a field's sub-selection is collected once per execution
 * instead of once per object: the twenty products of a CategoryPage share the selection of {@code node}.
 *
 * <p>Why: graphql-java collects the sub-fields of an object field anew for each object it completes — expanding
 * fragments, evaluating {@code @skip}/{@code @include}, building a map of merged fields — although within one
 * execution the result depends only on the field's AST nodes and the object's type (the variables, fragments and
 * schema are those of the execution). For a list that was ~6 % of a CategoryPage's allocation, and the work grew
 * with the list. The collection itself is graphql-java's ({@code fieldCollector}); only its reuse is Facet's, kept per
 * execution in the request's {@code GraphQLContext}. Objects of another type than the first one seen (a union or an
 * interface in a list) are collected as graphql-java does.
 *
 * <p>And a plain leaf — a scalar or enum read by its getter ({@link PropertyRead}) — is read and serialised in one
 * step. graphql-java builds for every field, whatever it is, two execution step infos, parameters for the field's
 * completion, instrumentation parameters and contexts, memoising suppliers and a fetched-value holder, and on a
 * CategoryPage most fields are such leaves (an id, a name, a formatted price). The step keeps what the caller sees:
 * the scalar's or enum's own serialisation, the data-loader dispatch's count of fetched fields and the count of result
 * nodes. Whatever needs more — a null (a non-null field's error), a getter that throws, a value the scalar refuses,
 * a limit on result nodes, an instrumentation that watches fields — is left to graphql-java, which reads the getter
 * again (getters of the graph are plain reads).
 */
final class QueryStrategy extends AsyncExecutionStrategy {

    private static final String SELECTIONS = QueryStrategy.class.getName() + ".selections";

    /** The schema's fields by definition (graphql-java's are compared by identity): bounded by the schema. */
    private final Map<GraphQLFieldDefinition, Leaf> leaves = new ConcurrentHashMap<>();

    QueryStrategy(DataFetcherExceptionHandler errors) {
        super(errors);
    }

    @Override
    protected Object completeValueForObject(ExecutionContext context, ExecutionStrategyParameters parameters,
            GraphQLObjectType type, Object result) {
        MergedSelectionSet selections = selections(context, parameters.getField(), type);
        ExecutionStepInfo step = parameters.getExecutionStepInfo().changeTypeWithPreservedNonNull(type);
        ExecutionStrategyParameters objectParameters = parameters.transform(
                builder -> builder.executionStepInfo(step).fields(selections).source(result));
        // graphql-java asks the context for its query strategy so that a mutation's objects execute as queries: this
        // is that strategy (GraphQLEngine), and a mutation's own strategy keeps graphql-java's completion
        return executeObject(context, objectParameters);
    }

    @Override
    protected Object resolveFieldWithInfo(ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (context.getInstrumentation() == SimplePerformantInstrumentation.INSTANCE
                && context.getGraphQLContext().get(ResultNodesInfo.MAX_RESULT_NODES) == null) {
            GraphQLObjectType parent = (GraphQLObjectType) parameters.getExecutionStepInfo().getUnwrappedNonNullType();
            Leaf leaf = leaf(context, parent, parameters.getField());
            FieldValueInfo answered = leaf.read() == null ? null : leaf.complete(context, parameters.getSource());
            if (answered != null) {
                context.getResultNodesInfo().incrementAndGetResultNodesCount();
                context.getDataLoaderDispatcherStrategy().fieldFetched(context, parameters, leaf.read(),
                        answered.getFieldValueObject());
                return answered;
            }
        }
        return super.resolveFieldWithInfo(context, parameters);
    }

    /** Whether the field is a plain leaf of {@code parent}, found once per field of the schema. */
    private Leaf leaf(ExecutionContext context, GraphQLObjectType parent, MergedField field) {
        GraphQLFieldDefinition definition = getFieldDef(context.getGraphQLSchema(), parent, field.getSingleField());
        Leaf known = leaves.get(definition);
        if (known != null && known.parent() == parent) {
            return known;
        }
        Leaf found = Leaf.of(parent, definition,
                context.getGraphQLSchema().getCodeRegistry().getDataFetcher(parent, definition));
        if (known == null) {
            leaves.putIfAbsent(definition, found);
        }
        return found;
    }

    private MergedSelectionSet selections(ExecutionContext context, MergedField field, GraphQLObjectType type) {
        Map<MergedField, Collected> memo = context.getGraphQLContext()
                .computeIfAbsent(SELECTIONS, key -> new ConcurrentHashMap<MergedField, Collected>());
        Collected known = memo.get(field);
        if (known != null && known.type() == type) {
            return known.selections();
        }
        MergedSelectionSet selections = collect(context, field, type);
        if (known == null) {
            memo.putIfAbsent(field, new Collected(type, selections));
        }
        return selections;
    }

    private MergedSelectionSet collect(ExecutionContext context, MergedField field, GraphQLObjectType type) {
        FieldCollectorParameters collecting = FieldCollectorParameters.newParameters()
                .schema(context.getGraphQLSchema())
                .objectType(type)
                .fragments(context.getFragmentsByName())
                .variables(context.getCoercedVariables().toMap())
                .graphQLContext(context.getGraphQLContext())
                .build();
        return fieldCollector.collectFields(collecting, field, context.hasIncrementalSupport());
    }

    private record Collected(GraphQLObjectType type, MergedSelectionSet selections) {
    }

    /** A field of {@code parent}: a plain leaf when {@code read} is set, else one graphql-java executes. */
    private record Leaf(GraphQLObjectType parent, PropertyRead read, GraphQLType type, boolean nullable,
            FieldValueInfo.CompleteValueType kind) {

        static Leaf of(GraphQLObjectType parent, GraphQLFieldDefinition definition, DataFetcher<?> fetcher) {
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            boolean nullable = !GraphQLTypeUtil.isNonNull(definition.getType());
            if (fetcher instanceof PropertyRead read) {
                if (type instanceof GraphQLScalarType) {
                    return new Leaf(parent, read, type, nullable, FieldValueInfo.CompleteValueType.SCALAR);
                }
                if (type instanceof GraphQLEnumType) {
                    return new Leaf(parent, read, type, nullable, FieldValueInfo.CompleteValueType.ENUM);
                }
            }
            return new Leaf(parent, null, null, nullable, null);
        }

        /**
         * The field's completed value, as graphql-java would complete it; or null where graphql-java's own completion
         * must answer: a null that a non-null field refuses, a getter that throws, a value the type refuses.
         */
        FieldValueInfo complete(ExecutionContext context, Object source) {
            if (!read.reads(source)) {
                return null;
            }
            try {
                Object value = context.getValueUnboxer().unbox(read.read(source));
                if (value == null) {
                    return nullable ? new FieldValueInfo(FieldValueInfo.CompleteValueType.NULL, null) : null;
                }
                Object serialized = type instanceof GraphQLScalarType scalar
                        ? scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale())
                        : ((GraphQLEnumType) type).serialize(value, context.getGraphQLContext(), context.getLocale());
                return serialized != null || nullable ? new FieldValueInfo(kind, serialized) : null;
            } catch (Error fatal) {
                throw fatal;
            } catch (Throwable refused) {
                return null;
            }
        }
    }
}
