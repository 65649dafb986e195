package dev.facet.downstream;

import java.time.Duration;

/** The moment by which a request's downstream calls must be answered, on the monotonic clock. */
public record Deadline(long expiresAtNanos) {

    public static Deadline after(long startNanos, Duration budget) {
        return new Deadline(startNanos + budget.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, expiresAtNanos - System.nanoTime()));
    }

    public boolean passed() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }
}
