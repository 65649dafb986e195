package dev.facet.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.schema.GraphQLObjectType;

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
 */
final class QueryStrategy extends AsyncExecutionStrategy {

    private static final String SELECTIONS = QueryStrategy.class.getName() + ".selections";

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
}
