package dev.facet.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

/** The lines a second about one source, on a clock the test moves: a burst is cut, and what was cut is counted. */
class LineRateTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> reports = new ArrayList<>();
    private final LineRate rate = new LineRate("reviews", 10, new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }, reports::add);

    @Test
    void aBurstWritesTheRateAndCountsTheRestInOneLineASecondLater() {
        assertThat(takes(25)).isEqualTo(10);
        assertThat(reports).isEmpty();

        advance(Duration.ofMillis(500));
        assertThat(takes(3)).as("half a second refills half the rate").isEqualTo(3);
        assertThat(reports).as("not yet a second since the first line left out").isEmpty();

        advance(Duration.ofMillis(600));
        assertThat(rate.take()).isTrue();
        assertThat(reports).containsExactly("reviews: 15 more lines suppressed (at most 10 a second)");
    }

    @Test
    void aSteadyFloodWritesTheRateAndOneCountASecond() {
        int written = 0;
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 100; i++) {
                written += rate.take() ? 1 : 0;
                advance(Duration.ofMillis(10));
            }
        }
        advance(Duration.ofSeconds(1));
        rate.take();
        // 10 at once, then 10 a second: the bucket never lets more through
        assertThat(written).isBetween(100, 110);
        assertThat(reports).hasSizeBetween(9, 11);
        long counted = reports.stream().mapToLong(line -> Long.parseLong(line.split(" ")[1])).sum();
        assertThat(written + counted).as("every line is written or counted").isEqualTo(1000);
    }

    @Test
    void aQuietSourceIsNeverCut() {
        for (int i = 0; i < 50; i++) {
            assertThat(rate.take()).isTrue();
            advance(Duration.ofMillis(150));
        }
        assertThat(reports).isEmpty();
    }

    private int takes(int lines) {
        return (int) IntStream.range(0, lines).filter(ignored -> rate.take()).count();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
