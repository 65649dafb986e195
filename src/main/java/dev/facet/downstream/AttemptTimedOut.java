package dev.facet.downstream;

import java.time.Duration;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** One attempt at a service took longer than its policy's timeout: retried, and counted against the service. */
final class AttemptTimedOut extends TimeoutException {

    AttemptTimedOut(String service, Duration timeout) {
        super(service + " did not answer within " + timeout.toMillis() + " ms");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Raised by a timer, far from any interesting stack.
        return this;
    }
}
