package dev.facet.observability;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.facet.documents.PreparedDocument;
import dev.facet.warmup.WarmUpOver;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;

/**
 * Records each GraphQL request once, when its response ends — whichever step answered it — as
 * {@code facet.graphql.requests} (a timer with histogram buckets), its errors as {@code facet.graphql.errors}, the
 * fields an executed operation selects as {@code facet.graphql.field.usage}, and rate-limit refusals as
 * {@code facet.graphql.rate.limited}. Meters are looked up once per combination of tags and kept: the tags are all
 * bounded (see the package), so these maps are too.
 *
 * <p>The warm-up's requests are recorded like any caller's, so that this code is compiled before the first caller
 * comes, and forgotten when the warm-up ends ({@link WarmUpOver}): an instance's meters start at zero when it reports
 * ready.
 */
@Singleton
public class GraphQLMetrics {

    /** The header a caller may name its request with, and Facet answers with the id it used. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** The MDC key of the request id, in every log line of the request. */
    public static final String REQUEST_ID_MDC = "requestId";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    // Buckets an operator reads the p50/p99 from (alerts.yml: p99 past 1 s) — ten, rather than Micrometer's ~70
    // per series, since every client × operation × outcome has its own.
    private static final Duration[] BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5) };

    private record RequestKey(String client, String operation, RequestRecord.Outcome outcome) {
    }

    private record ErrorKey(String client, String operation, String code) {
    }

    private record FieldKey(String client, String field) {
    }

    private final MeterRegistry registry;
    private final Map<RequestKey, Timer> requests = new ConcurrentHashMap<>();
    private final Map<ErrorKey, Counter> errors = new ConcurrentHashMap<>();
    private final Map<FieldKey, Counter> fields = new ConcurrentHashMap<>();
    private final Map<String, Counter> rateLimited = new ConcurrentHashMap<>();
    // The field counters of each remembered document's operations, beside the document and gone with it.
    private final Cache<PreparedDocument, Map<String, Counter[]>> fieldCounters = Caffeine.newBuilder().weakKeys()
            .build();

    // Taken by the warm-up's requests only, never by a caller's: whether their samples still count.
    private final Object warmUpSamples = new Object();
    private boolean warmUpOver;

    GraphQLMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Starts the record of a GraphQL request: its id (in the MDC, the answer's header and its errors) and the one
     * sample its end records. Idempotent, so any first handler of the request may call it.
     */
    public RequestRecord begin(RoutingContext context) {
        RequestRecord known = RequestRecord.of(context);
        if (known != null) {
            return known;
        }
        RequestRecord record = new RequestRecord(requestId(context.request().getHeader(REQUEST_ID_HEADER)));
        context.put(RequestRecord.KEY, record);
        MDC.put(REQUEST_ID_MDC, record.requestId);
        context.response().putHeader(REQUEST_ID_HEADER, record.requestId);
        context.addEndHandler(ignored -> end(record));
        return record;
    }

    /** Records the request's one sample; called when its response has ended. */
    void end(RequestRecord record) {
        if (record.outcome == null) {
            // not a GraphQL request after all (a CORS preflight), or the caller went away before an answer
            return;
        }
        if (record.warmUp) {
            // The warm-up counts a request done when it has the answer; its response ends here a moment later,
            // possibly after the warm-up's samples were forgotten: then it is not recorded again.
            synchronized (warmUpSamples) {
                if (!warmUpOver) {
                    record(record);
                }
            }
            return;
        }
        record(record);
    }

    private void record(RequestRecord record) {
        String client = record.clientTag();
        String operation = record.operationTag();
        long nanos = System.nanoTime() - record.start;
        requests.computeIfAbsent(new RequestKey(client, operation, record.outcome), this::requestTimer)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        for (String code : record.codes) {
            errors.computeIfAbsent(new ErrorKey(client, operation, code), this::errorCounter).increment();
            if ("RATE_LIMITED".equals(code)) {
                rateLimited.computeIfAbsent(client, this::rateLimitCounter).increment();
            }
        }
        if (record.outcome != RequestRecord.Outcome.REFUSED && record.document != null && record.contract != null) {
            for (Counter field : fieldCounters(record)) {
                field.increment();
            }
        }
    }

    /**
     * Removes every meter the warm-up's requests made: they stood for no caller. A warm-up request whose response
     * ends after this leaves no sample; none but the warm-up's requests should be running yet.
     */
    void forgetWarmUp(@Observes WarmUpOver over) {
        synchronized (warmUpSamples) {
            warmUpOver = true;
            Stream.of(requests, errors, fields, rateLimited).forEach(meters -> {
                meters.values().forEach(registry::remove);
                meters.clear();
            });
            fieldCounters.invalidateAll();
        }
    }

    private Counter[] fieldCounters(RequestRecord record) {
        Map<String, Counter[]> byOperation = fieldCounters.get(record.document, ignored -> new ConcurrentHashMap<>());
        String name = record.operationName == null ? "" : record.operationName;
        Counter[] known = byOperation.get(name);
        if (known != null) {
            return known;
        }
        OperationDefinition operation = record.document.operation(record.operationName);
        if (operation == null) {
            return new Counter[0];
        }
        Set<String> coordinates;
        try {
            coordinates = FieldUsage.coordinates(record.contract.schema(), record.document.document(), operation);
        } catch (dev.facet.limits.DocumentRefused refused) {
            return new Counter[0];
        }
        String client = record.clientTag();
        Counter[] counters = coordinates.stream()
                .map(field -> fields.computeIfAbsent(new FieldKey(client, field), this::fieldCounter))
                .toArray(Counter[]::new);
        // only operations the document declares get here (operation(...) found it): the map stays as small as that
        byOperation.putIfAbsent(name, counters);
        return counters;
    }

    private Timer requestTimer(RequestKey key) {
        return Timer.builder("facet.graphql.requests")
                .description("GraphQL requests, by client, registered operation and outcome")
                .tag("client", key.client()).tag("operation", key.operation()).tag("outcome", key.outcome().tag)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Counter errorCounter(ErrorKey key) {
        return Counter.builder("facet.graphql.errors")
                .description("Errors in GraphQL answers, by client, registered operation and public code")
                .tag("client", key.client()).tag("operation", key.operation()).tag("code", key.code())
                .register(registry);
    }

    private Counter fieldCounter(FieldKey key) {
        return Counter.builder("facet.graphql.field.usage")
                .description("Executed operations selecting each schema field, by client")
                .tag("client", key.client()).tag("field", key.field())
                .register(registry);
    }

    private Counter rateLimitCounter(String client) {
        return Counter.builder("facet.graphql.rate.limited")
                .description("Requests refused with 429 because the caller's bucket was empty, by client")
                .tag("client", client)
                .register(registry);
    }

    /** The caller's id when it is a sane token (it goes into logs and headers), else a fresh one. */
    static String requestId(String asked) {
        if (asked != null && SANE_ID.matcher(asked).matches()) {
            return asked;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
