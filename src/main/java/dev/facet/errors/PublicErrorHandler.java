package dev.facet.errors;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.jboss.logging.Logger;

import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;

/**
 * Turns whatever a resolver failed with into a GraphQL error with a public code, so that no exception class, library message or downstream detail can reach a client; anything that is not a
 * {@link PublicError} is logged in full with an incident id and answered with only that id, as
 * {@code DOWNSTREAM_UNAVAILABLE}/{@code DOWNSTREAM_TIMEOUT} when a service failed us, else {@code INTERNAL}.
 */
public class PublicErrorHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = Logger.getLogger(PublicErrorHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters params) {
        Throwable cause = unwrap(params.getException());
        if (cause instanceof PublicError known) {
            return answer(params, known.code(), known.getMessage());
        }
        // The incident id links what the client reports to the full cause in our log.
        String incident = UUID.randomUUID().toString();
        ErrorCode downstream = DownstreamFailures.classify(cause);
        if (downstream != null) {
            LOG.warnf(cause, "Downstream failure at %s (incident %s)", params.getPath(), incident);
            String message = DownstreamFailures.message(downstream) + " (incident " + incident + ")";
            return answer(params, downstream, message);
        }
        LOG.errorf(cause, "Unexpected failure at %s (incident %s)", params.getPath(), incident);
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
