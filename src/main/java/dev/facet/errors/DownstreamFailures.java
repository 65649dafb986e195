package dev.facet.errors;

import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import io.vertx.core.VertxException;

/**
 * Recognises a failure that came from talking to an internal service — an error status the adapter did not give a
 * meaning to, a broken connection, an unreadable answer, no answer in time — so the client learns that a service
 * is unavailable rather than that Facet has a bug, and nothing more. An open circuit breaker or a full bulkhead is
 * the service being unavailable too; the request's deadline passing is a timeout.
 */
final class DownstreamFailures {

    private DownstreamFailures() {
    }

    /** The public code for a downstream failure, or null when {@code failure} did not come from downstream. */
    static ErrorCode classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                    || cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return ErrorCode.DOWNSTREAM_TIMEOUT;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException || cause instanceof ProcessingException
                    || cause instanceof VertxException || cause instanceof java.io.IOException
                    || cause instanceof FaultToleranceException) {
                return ErrorCode.DOWNSTREAM_UNAVAILABLE;
            }
        }
        return null;
    }

    static String message(ErrorCode code) {
        return code == ErrorCode.DOWNSTREAM_TIMEOUT
                ? "A service this field needs did not answer in time"
                : "A service this field needs is unavailable";
    }
}
