package dev.facet.downstream;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.vertx.core.VertxException;

/**
 * The one reading of a failed call to a service, for everyone who must decide something about it: the guard
 * (retry it? count it against the service?), the adapters (which status did the service answer?) and the error
 * mapping (what does the client learn?). The REST client, Vert.x, Jackson and Fault Tolerance each wrap failures
 * their own way; only this class unwraps them.
 *
 * <p>A 4xx answer is the service working as designed — 404 is an answer, 400 is our request's fault — so it neither
 * counts against the service nor is retried, except 429, which asks to come back later.
 */
public enum ServiceFailure {
    /** No answer in time: an attempt's timeout, or the request's deadline. */
    TIMED_OUT,
    /** Not even tried: the service's breaker is open or its bulkhead full. */
    SHED,
    /** An error status the adapter gave no meaning to, a failed connection, or an answer that is not the JSON we read. */
    UNAVAILABLE;

    /** What kind of service failure {@code failure} is, or null when it did not come from calling a service. */
    public static ServiceFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof SocketTimeoutException
                    || cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return TIMED_OUT;
            }
            if (cause instanceof CircuitBreakerOpenException || cause instanceof BulkheadException) {
                return SHED;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException || cause instanceof ProcessingException
                    || cause instanceof VertxException || cause instanceof IOException
                    || cause instanceof FaultToleranceException) {
                return UNAVAILABLE;
            }
        }
        return null;
    }

    /** Whether the service answered {@code failure} with HTTP {@code status}: adapters give such answers a meaning. */
    public static boolean answered(Throwable failure, int status) {
        return status(cause(failure)) == status;
    }

    /** Worth another attempt: a 5xx, a 429, an attempt that timed out, or a connection that failed. */
    static boolean worthRetrying(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof WebApplicationException web) {
            int status = status(web);
            return status == 429 || status >= 500;
        }
        if (cause instanceof NoTimeToRetry || cause instanceof CircuitBreakerOpenException
                || cause instanceof BulkheadException || cause instanceof DeadlinePassed) {
            return false;
        }
        return cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || connectionFailure(cause);
    }

    /** Says the service is broken (its breaker counts it): a 5xx, no answer in time, a failed connection, garbage. */
    static boolean brokenService(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof NoTimeToRetry gaveUp) {
            return brokenService(gaveUp.getCause());
        }
        if (cause instanceof WebApplicationException web) {
            return status(web) >= 500;
        }
        return cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || connectionFailure(cause) || unreadable(cause);
    }

    /** The wait the service asked for with {@code Retry-After} on a 429 or 503, if it did. */
    static Optional<Duration> retryAfter(Throwable failure) {
        if (!(cause(failure) instanceof WebApplicationException web) || web.getResponse() == null) {
            return Optional.empty();
        }
        int status = web.getResponse().getStatus();
        if (status != 429 && status != 503) {
            return Optional.empty();
        }
        return RetryAfter.parse(web.getResponse().getHeaderString("Retry-After"));
    }

    /** The failure itself, without the wrappers Mutiny and the REST client put around it. */
    private static Throwable cause(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static int status(Throwable failure) {
        if (!(failure instanceof WebApplicationException web)) {
            return -1;
        }
        return web.getResponse() == null ? 500 : web.getResponse().getStatus();
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
}
