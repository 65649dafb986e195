package dev.facet.observability;

import static dev.facet.testing.Shop.operation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TracedProfile;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A trace runs from the frontend into the services: the caller's {@code traceparent} is continued, the GraphQL
 * request's span names the operation, its type and client (never the document or variables), every call to a
 * service is a child span and carries {@code traceparent} — with no OTLP endpoint configured, as in these tests.
 */
@QuarkusTest
@TestProfile(TracedProfile.class)
@WithTestResource(ShopServices.class)
class TracesTests extends ShopTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void forgetSpans() {
        spans.reset();
    }

    @Test
    void anIncomingTraceIsContinuedIntoEveryServiceCall() {
        productPage("00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");

        List<ServeEvent> calls = shop.getAllServeEvents();
        assertThat(calls).isNotEmpty();
        for (ServeEvent call : calls) {
            String traceparent = call.getRequest().getHeader("traceparent");
            assertThat(traceparent).as(call.getRequest().getUrl()).startsWith("00-" + TRACE_ID + "-");
        }

        SpanData request = requestSpan(TRACE_ID);
        assertThat(request.getParentSpanId()).isEqualTo(CALLER_SPAN);
        assertThat(request.getAttributes().get(GraphQLSpans.OPERATION_NAME)).isEqualTo("ProductPage");
        assertThat(request.getAttributes().get(GraphQLSpans.OPERATION_TYPE)).isEqualTo("query");
        assertThat(request.getAttributes().get(GraphQLSpans.CLIENT)).isEqualTo("web");

        // a child span per attempt, each the parent the service was told of
        List<SpanData> attempts = spansOf(TRACE_ID).stream().filter(span -> span.getKind() == SpanKind.CLIENT)
                .toList();
        assertThat(attempts).hasSize(calls.size());
        Set<String> attemptIds = attempts.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        for (ServeEvent call : calls) {
            assertThat(attemptIds).contains(call.getRequest().getHeader("traceparent").split("-")[2]);
        }
        for (SpanData attempt : attempts) {
            assertThat(descendsFrom(attempt, request)).as(attempt.getName()).isTrue();
        }
    }

    @Test
    void withoutAnIncomingTraceServicesStillGetATraceparent() {
        productPage(null);
        List<ServeEvent> calls = shop.getAllServeEvents();
        assertThat(calls).isNotEmpty();
        Set<String> traces = calls.stream().map(call -> call.getRequest().getHeader("traceparent"))
                .peek(traceparent -> assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .map(traceparent -> traceparent.split("-")[1]).collect(Collectors.toSet());
        assertThat(traces).as("one trace for the request").hasSize(1);
    }

    @Test
    void aTraceTheCallerDidNotSampleStaysUnsampledAndStillReachesTheServices() {
        String unsampled = "5cf92f3577b34da6a3ce929d0e0e4737";
        productPage("00-" + unsampled + "-" + CALLER_SPAN + "-00");
        List<ServeEvent> calls = shop.getAllServeEvents();
        assertThat(calls).isNotEmpty();
        for (ServeEvent call : calls) {
            assertThat(call.getRequest().getHeader("traceparent")).as(call.getRequest().getUrl())
                    .matches("00-" + unsampled + "-[0-9a-f]{16}-00");
        }
        // a sampled request after it, so that its spans being there says the unsampled one's would be by now
        productPage("00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");
        requestSpan(TRACE_ID);
        assertThat(spans.getFinishedSpanItems()).noneMatch(span -> span.getTraceId().equals(unsampled));
    }

    @Test
    void spansHoldNeitherTheDocumentNorItsVariables() {
        productPage("00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");
        for (SpanData span : spansOf(TRACE_ID)) {
            assertThat(span.getAttributes().asMap().values().toString()).as(span.getName())
                    .doesNotContain("product(id").doesNotContain("reviews(first").doesNotContain("\"p1\"");
        }
    }

    private void productPage(String traceparent) {
        var request = given().contentType(ContentType.JSON).header("X-Client-Name", "web")
                .body(Map.of("query", operation("web", "ProductPage"), "variables", Map.of("id", "p1")));
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        request.post("/graphql").then().statusCode(200).body("data.product.id", equalTo("p1"));
    }

    private SpanData requestSpan(String traceId) {
        return spansOf(traceId).stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst()
                .orElseThrow(() -> new AssertionError("no server span in " + spansOf(traceId)));
    }

    /** The trace's spans once the request's server span has been exported (the batch processor runs on its own). */
    private List<SpanData> spansOf(String traceId) {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            if (trace.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER)
                    || System.currentTimeMillis() > until) {
                return trace;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return trace;
            }
        }
    }

    private boolean descendsFrom(SpanData span, SpanData ancestor) {
        Map<String, SpanData> byId = spansOf(span.getTraceId()).stream()
                .collect(Collectors.toMap(SpanData::getSpanId, s -> s, (a, b) -> a));
        for (SpanData current = span; current != null; current = byId.get(current.getParentSpanId())) {
            if (current.getSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
        }
        return false;
    }
}
