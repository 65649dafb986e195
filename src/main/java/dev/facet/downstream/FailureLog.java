package dev.facet.downstream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jboss.logging.Logger;

import dev.facet.execution.RequestContexts;
import io.github.bucket4j.TimeMeter;
import io.vertx.core.Context;

/**
 * Facet's log of failed fields, bounded twice. An expected failure of a service (its breaker open, its bulkhead
 * full, a timeout, a 5xx, a broken connection) is one line without a stack trace — service, kind, cause and the
 * request's incident id; an unexpected one (a bug in Facet) keeps its stack trace. One request writes at most
 * {@code max-lines-per-request} such lines and then one summary with the count of the rest, and each service (and
 * the unexpected failures, and the summaries) at most {@code max-lines-per-second}, then a line a second with the
 * count of what was left out. Every failure is thus written, or counted in a line that is.
 *
 * <p>The log handlers of JBoss LogManager filter by level and category, not by rate or by request; Bucket4j does
 * the counting per second ({@link LineRate}). The state of a request lives in its Vert.x context, like its deadline; outside a request
 * (no such context) only the rate applies.
 */
public final class FailureLog {

    private static final Logger LOG = Logger.getLogger(FailureLog.class);
    private static final Object REQUEST_KEY = new Object();
    private static final String UNEXPECTED = "unexpected failures";
    private static final String SUMMARIES = "request summaries";

    private static volatile int maxLinesPerRequest = 5;
    private static volatile int maxLinesPerSecond = 10;
    private static volatile Duration requestDeadline = Duration.ofSeconds(3);
    private static final ConcurrentMap<String, LineRate> RATES = new ConcurrentHashMap<>();

    private FailureLog() {
    }

    /** Applies the configured bounds; called once at start-up. */
    static void configure(FailureLogSettings settings, Duration deadline) {
        if (settings.maxLinesPerRequest() < 1 || settings.maxLinesPerSecond() < 1) {
            throw new IllegalArgumentException("facet.failure-log limits must be at least 1");
        }
        maxLinesPerRequest = settings.maxLinesPerRequest();
        maxLinesPerSecond = settings.maxLinesPerSecond();
        requestDeadline = deadline;
        RATES.clear();
    }

    /**
     * The incident id of the current request, made at its first failure and the same for all its failures, so
     * that the id a client reports finds its lines (or its summary line) in the log.
     */
    public static String incident() {
        Failures request = Failures.current();
        return request != null ? request.incident : UUID.randomUUID().toString();
    }

    /** An expected failure of a call to a service, at {@code where} (a field's path): one line, no stack trace. */
    public static void expected(Throwable failure, Object where, String incident) {
        String service = ServiceFailure.service(failure);
        String source = service != null ? service : "services";
        ServiceFailure kind = ServiceFailure.of(failure);
        if (!withinRequest(source + " " + kind)) {
            return;
        }
        if (rate(source).take()) {
            LOG.warnf("Downstream failure at %s: %s %s (%s) (incident %s)", where, source, kind,
                    ServiceFailure.describe(failure), incident);
        }
    }

    /** A failure Facet did not expect, at {@code where}: a bug, logged with its stack trace. */
    public static void unexpected(Throwable failure, Object where, String incident) {
        if (!withinRequest("unexpected " + failure.getClass().getSimpleName())) {
            return;
        }
        if (rate(UNEXPECTED).take()) {
            LOG.errorf(failure, "Unexpected failure at %s (incident %s)", where, incident);
        }
    }

    /** Whether the current request may still write a line; if not, the failure is counted in its summary. */
    private static boolean withinRequest(String what) {
        Failures request = Failures.current();
        return request == null || request.mayWrite(what);
    }

    private static LineRate rate(String source) {
        return RATES.computeIfAbsent(source,
                name -> new LineRate(name, maxLinesPerSecond, TimeMeter.SYSTEM_NANOTIME, line -> LOG.warn(line)));
    }

    /** The failures of one request: its incident id, and what it could not write. */
    private static final class Failures {

        final String incident = UUID.randomUUID().toString();
        private final Context request;
        private int written;
        private final Map<String, Integer> leftOut = new LinkedHashMap<>();
        private boolean summaryDue;

        private Failures(Context request) {
            this.request = request;
        }

        /** The current request's failures, made at the first; null outside a request. */
        static Failures current() {
            Context request = RequestContexts.current();
            if (request == null) {
                return null;
            }
            synchronized (request) {
                Failures failures = request.getLocal(REQUEST_KEY);
                if (failures == null) {
                    failures = new Failures(request);
                    request.putLocal(REQUEST_KEY, failures);
                }
                return failures;
            }
        }

        synchronized boolean mayWrite(String what) {
            if (written < maxLinesPerRequest) {
                written++;
                return true;
            }
            leftOut.merge(what, 1, Integer::sum);
            if (!summaryDue) {
                summaryDue = true;
                // Every call of the request ends by its deadline, and with it every failure it can report.
                long delay = RequestDeadline.current(requestDeadline).remainingMillis() + 100;
                request.owner().setTimer(delay, ignored -> summarize());
            }
            return false;
        }

        private void summarize() {
            Map<String, Integer> counted;
            synchronized (this) {
                counted = new LinkedHashMap<>(leftOut);
                leftOut.clear();
                summaryDue = false;
            }
            int total = counted.values().stream().mapToInt(Integer::intValue).sum();
            if (total > 0 && rate(SUMMARIES).take()) {
                StringBuilder kinds = new StringBuilder();
                counted.forEach((what, count) -> kinds.append(kinds.isEmpty() ? "" : ", ").append(what)
                        .append(" ×").append(count));
                LOG.warnf("… and %d more failures of this request, not logged one by one: %s (incident %s)", total,
                        kinds, incident);
            }
        }
    }
}
