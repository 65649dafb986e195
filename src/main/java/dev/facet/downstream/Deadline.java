package dev.facet.downstream;

import java.time.Duration;

/**
 * The moment by which a request's downstream calls must be answered, on the monotonic clock. Timers are set in whole
 * milliseconds (Vert.x refuses a delay under 1 ms), so what is left is counted in whole milliseconds too: a deadline
 * with less than a millisecond left has passed.
 */
public record Deadline(long expiresAtNanos) {

    private static final long MILLI = 1_000_000L;

    public static Deadline after(long startNanos, Duration budget) {
        return new Deadline(startNanos + budget.toNanos());
    }

    /** Whole milliseconds left; zero once the deadline has passed or is less than a millisecond away. */
    public long remainingMillis() {
        return Math.max(0, (expiresAtNanos - System.nanoTime()) / MILLI);
    }

    /** What is left, in whole milliseconds: never a duration a timer could not wait for, except zero. */
    public Duration remaining() {
        return Duration.ofMillis(remainingMillis());
    }

    /** No time left for a call: the deadline has passed, or is less than a millisecond away. */
    public boolean passed() {
        return remainingMillis() < 1;
    }
}
