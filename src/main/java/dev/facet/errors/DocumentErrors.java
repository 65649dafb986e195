package dev.facet.errors;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * Gives the errors graphql-java raises about the document itself — validation, variables that do not fit their
 * types — a public code like every other error, and drops the engine's own extensions (classification, query
 * path), so every error a client sees has the same shape.
 */
public final class DocumentErrors extends SimplePerformantInstrumentation {

    static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty() || result.getErrors().stream().allMatch(DocumentErrors::isPublic)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream()
                .map(error -> isPublic(error) ? error : recoded(error))
                .toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    private static boolean isPublic(GraphQLError error) {
        return error instanceof FieldError;
    }

    private static GraphQLError recoded(GraphQLError error) {
        String code;
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            code = PARSE_FAILED;
        } else if (error.getErrorType() == ErrorType.ValidationError
                || error.getErrorType() == ErrorType.OperationNotSupported) {
            code = VALIDATION_FAILED;
        } else {
            code = ErrorCode.INTERNAL.name();
        }
        return new FieldError(code, error.getMessage(), error.getPath(), error.getLocations());
    }
}
