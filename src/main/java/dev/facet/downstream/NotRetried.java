package dev.facet.downstream;

/**
 * A failure that would have been retried, but is not: the wait the service asked for (Retry-After) does not fit in
 * what is left of the request's deadline or in the policy's limit, or the service's retry budget is spent. Carries
 * the original failure as its cause, which is what the breaker judges and the client is told about.
 */
final class NotRetried extends RuntimeException {

    private NotRetried(String why, Throwable failure) {
        super(why, failure, false, false);
    }

    static NotRetried noTime(Throwable failure) {
        return new NotRetried("Not retried: the service asked to wait longer than the request can", failure);
    }

    static NotRetried noBudget(String service, Throwable failure) {
        return new NotRetried("Not retried: the retry budget of " + service + " is spent", failure);
    }
}
