package dev.facet.downstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much Facet's log may say about failed fields, under {@code facet.failure-log.…}: a service that is down
 * fails every request that needs it, and one request may fail hundreds of fields, so both are bounded.
 */
@ConfigMapping(prefix = "facet.failure-log")
public interface FailureLogSettings {

    /** Lines one request may write about its failed fields; the rest are counted in one summary line. */
    @WithDefault("5")
    int maxLinesPerRequest();

    /**
     * Lines a second about the failures of one service (and as many about unexpected failures, and as many
     * summaries); the rest are counted and reported once a second.
     */
    @WithDefault("10")
    int maxLinesPerSecond();
}
