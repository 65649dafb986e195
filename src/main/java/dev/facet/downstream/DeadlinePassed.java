package dev.facet.downstream;

import java.util.concurrent.TimeoutException;

/**
 * The request's deadline passed before a service answered. A {@link TimeoutException}, so that it reads as
 * {@code DOWNSTREAM_TIMEOUT} to the client like any other downstream timeout; never retried.
 */
public final class DeadlinePassed extends TimeoutException {

    public DeadlinePassed(String service) {
        super("The request's deadline passed while waiting for " + service);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Raised by a timer, far from any interesting stack; one per waiting field.
        return this;
    }
}
