package dev.facet.downstream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * At most {@code perSecond} log lines a second about one source (a service, the unexpected failures, the request
 * summaries), counted by a Bucket4j token bucket; the lines left out are counted and reported in one line within
 * a second — by a Vert.x timer when the line was refused on Vert.x, else on the first line asked for once a second
 * has passed. The report itself is never refused: it comes at most once a second.
 */
final class LineRate {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final String source;
    private final int perSecond;
    private final TimeMeter clock;
    private final Consumer<String> report;
    private final Bucket bucket;
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicBoolean reportDue = new AtomicBoolean();
    private volatile long firstSuppressedNanos;

    LineRate(String source, int perSecond, TimeMeter clock, Consumer<String> report) {
        this.source = source;
        this.perSecond = perSecond;
        this.clock = clock;
        this.report = report;
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(clock)
                .build();
    }

    /** Whether a line may be written now; if not, it is counted and reported within a second. */
    boolean take() {
        if (suppressed.get() > 0 && clock.currentTimeNanos() - firstSuppressedNanos >= SECOND) {
            report();
        }
        if (bucket.tryConsume(1)) {
            return true;
        }
        if (suppressed.getAndIncrement() == 0) {
            firstSuppressedNanos = clock.currentTimeNanos();
        }
        Context context = Vertx.currentContext();
        if (context != null && reportDue.compareAndSet(false, true)) {
            context.owner().setTimer(SECOND / 1_000_000, ignored -> report());
        }
        return false;
    }

    private void report() {
        reportDue.set(false);
        long count = suppressed.getAndSet(0);
        if (count > 0) {
            report.accept(source + ": " + count + " more " + (count == 1 ? "line" : "lines") + " suppressed (at most "
                    + perSecond + " a second)");
        }
    }
}
