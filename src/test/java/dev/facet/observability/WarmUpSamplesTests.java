package dev.facet.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.facet.errors.ErrorCode;
import dev.facet.warmup.WarmUpOver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The warm-up's requests are recorded while it runs and forgotten when it is over, including one whose response
 * ends only after that: the warm-up counts a request done when its client has the answer, and the server ends the
 * response (and records it) a moment later.
 */
class WarmUpSamplesTests {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final GraphQLMetrics metrics = new GraphQLMetrics(registry);

    @Test
    void aWarmUpRequestThatEndsAfterTheWarmUpIsOverLeavesNoSample() {
        RequestRecord during = refused("w1", true);
        metrics.end(during);
        RequestRecord late = refused("w2", true);

        metrics.forgetWarmUp(new WarmUpOver());
        metrics.end(late);

        assertThat(registry.find("facet.graphql.requests").timers()).isEmpty();
        assertThat(registry.find("facet.graphql.errors").counters()).isEmpty();
    }

    @Test
    void aCallersRequestAfterTheWarmUpIsRecordedOnce() {
        metrics.end(refused("w1", true));
        metrics.forgetWarmUp(new WarmUpOver());

        metrics.end(refused("c1", false));

        assertThat(registry.find("facet.graphql.requests").timers())
                .singleElement().satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
        assertThat(registry.find("facet.graphql.errors").tag("code", ErrorCode.BAD_REQUEST.name()).counter())
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
    }

    private static RequestRecord refused(String id, boolean warmUp) {
        RequestRecord record = new RequestRecord(id);
        if (warmUp) {
            record.warmUp();
        }
        record.refused(ErrorCode.BAD_REQUEST.name());
        return record;
    }
}
