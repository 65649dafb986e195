package dev.facet.execution;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import dev.facet.errors.PublicErrorHandler;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.ExecutionId;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.introspection.Introspection;
import graphql.schema.GraphQLSchema;

/**
 * One client's graphql-java engine: its schema, Facet's public error handler, and documents that arrive already
 * parsed and validated — the edge prepared them once ({@code documents.PreparedDocuments}), so the engine only
 * executes. No instrumentation runs per field; the request's field batches ({@link FieldBatches}) are dispatched by
 * graphql-java level by level; queries execute with {@link QueryStrategy}, which collects each field's sub-selection
 * once per execution.
 */
public final class GraphQLEngine {

    private static final String DOCUMENT = GraphQLEngine.class.getName() + ".document";
    private static final AtomicLong EXECUTIONS = new AtomicLong();

    /** Hands graphql-java the entry the edge put into the request's context instead of parsing again. */
    private static final PreparsedDocumentProvider PREPARED = (input, parseAndValidate) -> {
        PreparsedDocumentEntry entry = input.getGraphQLContext().get(DOCUMENT);
        return CompletableFuture.completedFuture(entry != null ? entry : parseAndValidate.apply(input));
    };

    private final GraphQL graphQL;
    private final boolean introspection;

    private GraphQLEngine(GraphQL graphQL, boolean introspection) {
        this.graphQL = graphQL;
        this.introspection = introspection;
    }

    /** @param introspection whether this client may introspect its schema */
    public static GraphQLEngine of(GraphQLSchema schema, boolean introspection) {
        PublicErrorHandler errors = new PublicErrorHandler();
        GraphQL graphQL = GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(new QueryStrategy(errors))
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
                .instrumentation(SimplePerformantInstrumentation.INSTANCE)
                .preparsedDocumentProvider(PREPARED)
                // graphql-java's default id is a random UUID per request: a SecureRandom call nobody reads
                .executionIdProvider((query, operation, context) -> ExecutionId.from(
                        Long.toString(EXECUTIONS.incrementAndGet(), Character.MAX_RADIX)))
                .build();
        return new GraphQLEngine(graphQL, introspection);
    }

    /**
     * Executes a prepared document. Call it on the request's Vert.x context: batches and the request's state
     * (caller, deadline, CDI request scope) are found there.
     */
    public CompletableFuture<ExecutionResult> execute(String text, PreparsedDocumentEntry document,
            String operationName, Map<String, Object> variables) {
        FieldBatches batches = new FieldBatches();
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(text)
                .operationName(operationName)
                .variables(variables)
                .dataLoaderRegistry(batches.registry())
                .build();
        input.getGraphQLContext().put(DOCUMENT, document);
        input.getGraphQLContext().put(FieldBatches.KEY, batches);
        batches.serve();
        if (!introspection) {
            input.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
        }
        return graphQL.executeAsync(input);
    }
}
