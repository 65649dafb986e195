package dev.facet.contract;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Hands graphql-java the caller's schema instead of the whole graph, so validation, introspection and execution
 * all see only what that client is served. Fails closed: an execution whose client the edge did not decide gets a
 * schema with nothing in it.
 */
final class ContractInstrumentation extends SimplePerformantInstrumentation {

    private static final GraphQLSchema NOTHING = GraphQLSchema.newSchema()
            .query(GraphQLObjectType.newObject().name("Query")
                    .field(field -> field.name("_").type(graphql.Scalars.GraphQLBoolean)))
            .build();

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        ClientContract contract = RequestClient.of(parameters.getExecutionInput());
        if (contract == null) {
            return NOTHING;
        }
        if (!contract.introspection()) {
            parameters.getExecutionInput().getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
        }
        return contract.schema();
    }
}
