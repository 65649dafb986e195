package dev.facet.errors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.facet.downstream.FailureLog;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;

/**
 * Turns whatever a resolver failed with into a GraphQL error with a public code, so that no exception class, library message or downstream detail can reach a client; anything that is not a
 * {@link PublicError} is logged with an incident id ({@link FailureLog}: one line for a service's failure, the stack
 * trace for a bug, bounded per request and per service) and answered with only that id, as
 * {@code DOWNSTREAM_UNAVAILABLE}/{@code DOWNSTREAM_TIMEOUT} when a service failed us, else {@code INTERNAL}.
 */
public class PublicErrorHandler implements DataFetcherExceptionHandler {

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters params) {
        Throwable cause = unwrap(params.getException());
        if (cause instanceof PublicError known) {
            return answer(params, known.code(), known.getMessage());
        }
        // The incident id (one per request) links what the client reports to the cause in our log. The log is
        // bounded per request and per service: an expected downstream failure is one line, a bug its stack trace.
        String incident = FailureLog.incident();
        ErrorCode downstream = DownstreamFailures.classify(cause);
        if (downstream != null) {
            FailureLog.expected(cause, params.getPath(), incident);
            String message = DownstreamFailures.message(downstream) + " (incident " + incident + ")";
            return answer(params, downstream, message);
        }
        FailureLog.unexpected(cause, params.getPath(), incident);
        return answer(params, ErrorCode.INTERNAL, "Internal error (incident " + incident + ")");
    }

    private static CompletableFuture<DataFetcherExceptionHandlerResult> answer(
            DataFetcherExceptionHandlerParameters params, ErrorCode code, String message) {
        FieldError error = new FieldError(code, message, params.getPath(), params.getSourceLocation());
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    // Futures wrap what a resolver failed with; the cause is what matters.
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
