package dev.facet.downstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
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
        return status(answer(failure)) == status;
    }

    /** The service's error answer that {@code failure} is, if it is one. */
    public static Optional<WebApplicationException> errorAnswer(Throwable failure) {
        return answer(failure) instanceof WebApplicationException web ? Optional.of(web) : Optional.empty();
    }

    /** The service that failed, as its guard named it, or null when {@code failure} did not come from a guard. */
    public static String service(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceCallFailed call) {
                return call.service();
            }
        }
        return null;
    }

    /**
     * Whether an attempt that failed with {@code failure} may have reached the service and been acted on, though
     * no answer says so: no answer in time, a connection that broke once the request may have been written, or a
     * 500, 502 or 504 (the service, or a gateway in front of it, failed mid-request). Not when nothing was sent
     * (breaker open, bulkhead full, no connection made) nor when the service answered what it did: a 4xx, or a
     * 503 or 429, which say it took nothing.
     */
    public static boolean mayHaveReached(Throwable failure) {
        Throwable cause = answer(failure);
        if (cause instanceof WebApplicationException) {
            int status = status(cause);
            return status == 500 || status == 502 || status == 504;
        }
        if (cause instanceof CircuitBreakerOpenException || cause instanceof BulkheadException) {
            return false;
        }
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof ConnectException || inner instanceof UnknownHostException
                    || inner instanceof NoRouteToHostException) {
                return false;
            }
        }
        return of(cause) == TIMED_OUT || connectionFailure(cause);
    }

    /** A few words on what went wrong, for the log: the status, the timeout, the refusal or the broken connection. */
    public static String describe(Throwable failure) {
        Throwable cause = cause(failure);
        String note = "";
        if (cause instanceof NotRetried notRetried) {
            note = "; " + notRetried.getMessage();
            cause = cause(notRetried.getCause());
        }
        String what;
        if (cause instanceof WebApplicationException) {
            what = "HTTP " + status(cause);
        } else if (cause instanceof CircuitBreakerOpenException) {
            what = "breaker open";
        } else if (cause instanceof BulkheadException) {
            what = "bulkhead full";
        } else if (cause instanceof DeadlinePassed || cause instanceof AttemptTimedOut) {
            what = cause.getMessage();
        } else {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        return what + note;
    }

    /** Worth another attempt: a 5xx, a 429, an attempt that timed out, or a connection that failed. */
    static boolean worthRetrying(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof WebApplicationException web) {
            int status = status(web);
            return status == 429 || status >= 500;
        }
        if (cause instanceof NotRetried || cause instanceof CircuitBreakerOpenException
                || cause instanceof BulkheadException || cause instanceof DeadlinePassed) {
            return false;
        }
        return cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || connectionFailure(cause);
    }

    /** Says the service is broken (its breaker counts it): a 5xx, no answer in time, a failed connection, garbage. */
    static boolean brokenService(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof NotRetried notRetried) {
            return brokenService(notRetried.getCause());
        }
        if (cause instanceof WebApplicationException web) {
            return status(web) >= 500;
        }
        return cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || connectionFailure(cause) || unreadable(cause);
    }

    /** The wait the service asked for with {@code Retry-After} on a 429 or 503, if it did. */
    static Optional<Duration> retryAfter(Throwable failure) {
        if (!(answer(failure) instanceof WebApplicationException web) || web.getResponse() == null) {
            return Optional.empty();
        }
        int status = web.getResponse().getStatus();
        if (status != 429 && status != 503) {
            return Optional.empty();
        }
        return RetryAfter.parse(web.getResponse().getHeaderString("Retry-After"));
    }

    /** The failure itself, without the wrappers Mutiny, the REST client and the guard put around it. */
    private static Throwable cause(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ServiceCallFailed)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** What the service answered or the call ran into, also when the guard decided not to retry it. */
    private static Throwable answer(Throwable failure) {
        Throwable cause = cause(failure);
        return cause instanceof NotRetried notRetried ? cause(notRetried.getCause()) : cause;
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
