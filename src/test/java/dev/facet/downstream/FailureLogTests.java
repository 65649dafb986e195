package dev.facet.downstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.Shop.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What Facet's log gets when services fail: a line per expected failure without a stack trace, a bounded number of
 * lines per request and per service and second, and a count of what was left out. Lines are captured by a handler
 * on Facet's log categories (JBoss LogManager is the JUL log manager in Quarkus).
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class FailureLogTests extends ShopTest {

    private static final int LINES_PER_REQUEST = 5;
    private static final int LINES_PER_SERVICE_AND_SECOND = 10;
    private static final Pattern SUPPRESSED = Pattern.compile("^reviews: (\\d+) more lines? suppressed");

    private final Logger facet = Logger.getLogger("dev.facet");
    /** Vert.x's and Netty's own lines, where a connection's trouble is written when nobody handles it. */
    private final Logger network = Logger.getLogger("io.vertx");
    private final List<LogRecord> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord line) {
            if (line.getLevel().intValue() >= Level.INFO.intValue()) {
                lines.add(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureFacetsLog() throws InterruptedException {
        // Let earlier requests' lines and summaries be written, and every service's line rate refill, first.
        Thread.sleep(1100);
        facet.addHandler(capture);
        network.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        facet.removeHandler(capture);
        network.removeHandler(capture);
    }

    @Test
    void connectionsAServiceResetsAreLoggedOnlyAsTheFailuresOfTheirFields() throws Exception {
        shop.stubFor(get(urlPathEqualTo("/inventory/stock")).atPriority(1)
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        for (int i = 0; i < 10; i++) { // each tries the service three times: thirty connections reset
            query("{ products(category: \"c1\", first: 2) { edges { node { id stock { available } } } } }")
                    .statusCode(200)
                    .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("DOWNSTREAM_UNAVAILABLE"));
        }
        Thread.sleep(300);

        assertThat(lines.stream().filter(line -> line.getLoggerName().startsWith("io.vertx")).map(FailureLogTests::text))
                .as("a line per reset connection is a line per request a service or a client can cause").isEmpty();
        assertThat(lines.stream().filter(line -> text(line).startsWith("Downstream failure")).map(FailureLogTests::text))
                .anySatisfy(line -> assertThat(line).contains("inventory", "UNAVAILABLE", "Connection reset"))
                // once the resets have opened the breaker, the rest are refused without a call
                .allSatisfy(line -> assertThat(line).contains("inventory").containsAnyOf("UNAVAILABLE", "SHED"));
    }

    @Test
    void aRequestWithThirtyFailingFieldsWritesAFewLinesAndASummaryWithoutStackTraces() throws Exception {
        shop.stubFor(get(urlPathEqualTo("/inventory/stock")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        query("{ products(category: \"c1\", first: 30) { edges { node { id stock { available } } } } }")
                .statusCode(200)
                .body("errors", hasSize(30));

        LogRecord summary = awaitLine(line -> text(line).contains("more failures of this request"));
        assertThat(lines).as(texts()).hasSizeLessThanOrEqualTo(LINES_PER_REQUEST + 1);
        assertThat(lines).as(texts()).allSatisfy(line -> {
            assertThat(line.getThrown()).isNull();
            assertThat(text(line)).doesNotContain("\tat ").doesNotContain("Exception:");
        });
        assertThat(lines.stream().filter(line -> text(line).startsWith("Downstream failure"))).as(texts())
                .hasSize(LINES_PER_REQUEST)
                .allSatisfy(line -> assertThat(text(line)).contains("inventory", "UNAVAILABLE", "HTTP 503",
                        "incident"));
        assertThat(text(summary)).contains("25 more", "inventory", "incident");
        // one incident for the request: every line names the same
        assertThat(lines.stream().map(line -> incident(text(line))).distinct()).hasSize(1);
    }

    @Test
    void failuresOfOneServiceWriteAtMostAFewLinesASecondAndCountTheRest() throws Exception {
        // 400 is never retried: each of these requests fails its reviews field once, at once.
        shop.stubFor(get(urlPathEqualTo("/reviews/reviews")).atPriority(1)
                .willReturn(aResponse().withStatus(400)));
        int requests = 60;
        ExecutorService callers = Executors.newFixedThreadPool(12);
        long start = System.nanoTime();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                sent.add(callers.submit(() -> query("{ product(id: \"p6\") { name reviews(first: 1) { rating } } }")
                        .statusCode(200).body("errors", hasSize(1))));
            }
            for (Future<?> request : sent) {
                request.get(20, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + 1;

        // the count of what was left out (if anything was: it depends on how fast this machine sends) comes within
        // a second of the first line left out; LineRateTests pins the rate down on a clock of its own
        Thread.sleep(1500);
        List<LogRecord> failures = lines.stream()
                .filter(line -> text(line).startsWith("Downstream failure") && text(line).contains(" reviews ")).toList();
        int suppressed = lines.stream().map(line -> SUPPRESSED.matcher(text(line)))
                .filter(Matcher::find).mapToInt(found -> Integer.parseInt(found.group(1))).sum();
        assertThat(failures).as(texts()).hasSizeLessThanOrEqualTo(LINES_PER_SERVICE_AND_SECOND * ((int) seconds + 1));
        assertThat(failures.size() + suppressed).as(texts()).isEqualTo(requests);
        assertThat(lines).allSatisfy(line -> assertThat(line.getThrown()).isNull());
    }

    // -----------------------------------------------------------------------------------------------------------

    private LogRecord awaitLine(Predicate<LogRecord> wanted) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (System.nanoTime() < giveUp) {
            for (LogRecord line : lines) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No such line in " + texts());
    }

    private static String text(LogRecord line) {
        return line instanceof org.jboss.logmanager.ExtLogRecord formatted ? formatted.getFormattedMessage()
                : line.getMessage();
    }

    private static String incident(String text) {
        Matcher found = Pattern.compile("incident ([0-9a-f-]{36})").matcher(text);
        return found.find() ? found.group(1) : "none";
    }

    private String texts() {
        return lines.stream().map(FailureLogTests::text).toList().toString();
    }
}
