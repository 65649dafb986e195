package dev.facet.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

/** Retry-After comes as seconds or as an HTTP date (RFC 9110 §10.2.3); anything else is no wait asked for. */
class RetryAfterTests {

    @Test
    void secondsAreAWait() {
        assertThat(RetryAfter.parse("2")).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 0 ")).contains(Duration.ZERO);
    }

    @Test
    void httpDateIsTheWaitUntilThen() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(RetryAfter.parse(inTenSeconds)).hasValueSatisfying(wait -> assertThat(wait)
                .isGreaterThan(Duration.ofSeconds(5)).isLessThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void dateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
    }

    @Test
    void garbageOrNegativeIsNoWait() {
        assertThat(RetryAfter.parse("soon")).isEmpty();
        assertThat(RetryAfter.parse("-5")).isEmpty();
        assertThat(RetryAfter.parse("")).isEmpty();
        assertThat(RetryAfter.parse(null)).isEmpty();
    }
}
