package dev.facet.errors;

import dev.facet.downstream.ServiceFailure;

/**
 * What a client learns of a failure that came from talking to an internal service: that the service is unavailable
 * or did not answer in time, and nothing more (which service, where it lives and what it said stay in the log).
 * Which failures those are is {@link ServiceFailure}'s to say.
 */
final class DownstreamFailures {

    private DownstreamFailures() {
    }

    /** The public code for a downstream failure, or null when {@code failure} did not come from downstream. */
    static ErrorCode classify(Throwable failure) {
        ServiceFailure kind = ServiceFailure.of(failure);
        if (kind == null) {
            return null;
        }
        return kind == ServiceFailure.TIMED_OUT ? ErrorCode.DOWNSTREAM_TIMEOUT : ErrorCode.DOWNSTREAM_UNAVAILABLE;
    }

    static String message(ErrorCode code) {
        return code == ErrorCode.DOWNSTREAM_TIMEOUT
                ? "A service this field needs did not answer in time"
                : "A service this field needs is unavailable";
    }
}
