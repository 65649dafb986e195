package dev.facet.downstream;

/**
 * A failure that would have been retried, but the wait the service asked for (Retry-After) does not fit in what is
 * left of the request's deadline or in the policy's limit. Carries the original failure as its cause.
 */
final class NoTimeToRetry extends RuntimeException {

    NoTimeToRetry(Throwable failure) {
        super("Not retried: the service asked to wait longer than the request can", failure, false, false);
    }
}
