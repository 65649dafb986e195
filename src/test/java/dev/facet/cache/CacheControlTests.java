package dev.facet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long an answer may be kept, given the route's TTL (60 s here) and what the service said. */
class CacheControlTests {

    @ParameterizedTest(name = "[{0}] → {1} s")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "null; 60",
            "''; 60",
            "public; 60",
            "max-age=10; 10",
            "public, max-age=10; 10",
            "max-age=600; 60",
            "max-age=0; 0",
            "max-age=600, s-maxage=5; 5",
            "s-maxage=5, max-age=600; 5",
            "no-store; 0",
            "public, max-age=600, no-store; 0",
            "private; 0",
            "private, max-age=600; 0",
            "Private; 0",
            "no-cache; 0",
            "max-age=soon; 0",
            "must-revalidate, max-age=\"30\"; 30" })
    void theServiceShortensOrRefusesNeverLengthens(String header, long seconds) {
        assertThat(CacheControl.keep(header, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(seconds));
    }
}
