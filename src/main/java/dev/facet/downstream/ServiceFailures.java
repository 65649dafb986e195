package dev.facet.downstream;

import java.io.IOException;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.vertx.core.VertxException;

/**
 * What a failed call to a service means for the next call: whether trying again may help (retry), and whether it
 * says the service is broken (circuit breaker). A 4xx answer is the service working as designed — 404 is an
 * answer, 400 is our request's fault — so it neither counts against the service nor is retried, except 429,
 * which asks to come back later.
 */
final class ServiceFailures {

    private ServiceFailures() {
    }

    /** Worth another attempt: a 5xx, a 429, no answer in time, or a connection that failed. */
    static boolean transientFailure(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof WebApplicationException web) {
            int status = status(web);
            return status == 429 || status >= 500;
        }
        if (cause instanceof NoTimeToRetry || cause instanceof CircuitBreakerOpenException
                || cause instanceof BulkheadException || cause instanceof DeadlinePassed) {
            return false;
        }
        return cause instanceof TimeoutException || connectionFailure(cause);
    }

    /** Says the service is broken: a 5xx, no answer in time, a failed connection, an answer we cannot read. */
    static boolean brokenService(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof NoTimeToRetry gaveUp) {
            return brokenService(gaveUp.getCause());
        }
        if (cause instanceof WebApplicationException web) {
            return status(web) >= 500;
        }
        return cause instanceof TimeoutException || connectionFailure(cause) || unreadable(cause);
    }

    /** The failure itself, without the wrappers the REST client and Mutiny put around it. */
    static Throwable cause(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean connectionFailure(Throwable failure) {
        if (unreadable(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof VertxException) {
                return true;
            }
        }
        return failure instanceof ProcessingException;
    }

    /** An answer that arrived but is not the JSON we expect: the same call would get the same answer. */
    private static boolean unreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static int status(WebApplicationException web) {
        return web.getResponse() == null ? 500 : web.getResponse().getStatus();
    }
}
