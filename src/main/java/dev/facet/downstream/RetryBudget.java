package dev.facet.downstream;

import java.time.Duration;

/**
 * How many retries one service may still get from this instance, all its calls together: over a sliding window
 * (ten slots), at most {@code ratio} of the calls made plus {@code minPerSecond} per second of the window. A service
 * that fails every call thus sees about a tenth more calls, not three times as many, just when it can least take
 * them; a service that fails now and then is retried as before.
 *
 * <p>SmallRye Fault Tolerance bounds the retries of one call, not of all calls to a service; a budget across calls
 * (Finagle's {@code RetryBudget}, gRPC's retry throttling) has no Java library on Facet's classpath, and it is this
 * counter.
 */
final class RetryBudget {

    private static final int SLOTS = 10;

    private final double ratio;
    private final double minPerWindow;
    private final long slotNanos;
    private final long[] calls = new long[SLOTS];
    private final long[] retries = new long[SLOTS];
    private long slot; // the absolute number of the current slot: nanoTime / slotNanos

    RetryBudget(DownstreamSettings.Budget settings) {
        if (settings.ratio() < 0 || settings.minPerSecond() < 0 || settings.window().toMillis() < SLOTS) {
            throw new IllegalArgumentException("A retry budget needs a ratio and a minimum of at least 0 and a window"
                    + " of at least " + SLOTS + " ms");
        }
        this.ratio = settings.ratio();
        this.minPerWindow = settings.minPerSecond() * settings.window().toNanos() / (double) Duration.ofSeconds(1).toNanos();
        this.slotNanos = settings.window().toNanos() / SLOTS;
        this.slot = System.nanoTime() / slotNanos;
    }

    /** A call is made (its first attempt): it adds {@code ratio} to what may be retried. */
    synchronized void recordCall() {
        calls[current()]++;
    }

    /** Takes one retry from the budget, if it has one left. */
    synchronized boolean tryRetry() {
        int now = current();
        long madeCalls = 0;
        long madeRetries = 0;
        for (int i = 0; i < SLOTS; i++) {
            madeCalls += calls[i];
            madeRetries += retries[i];
        }
        if (madeRetries + 1 > minPerWindow + ratio * madeCalls) {
            return false;
        }
        retries[now]++;
        return true;
    }

    /** The index of the current slot, after forgetting the slots that left the window. */
    private int current() {
        long now = System.nanoTime() / slotNanos;
        for (long passed = Math.min(now - slot, SLOTS); passed > 0; passed--) {
            int index = (int) Math.floorMod(now - passed + 1, (long) SLOTS);
            calls[index] = 0;
            retries[index] = 0;
        }
        slot = Math.max(slot, now);
        return (int) Math.floorMod(slot, (long) SLOTS);
    }
}
