package dev.facet.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.MetricsScrape.lines;
import static dev.facet.testing.MetricsScrape.scrape;
import static dev.facet.testing.MetricsScrape.value;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.queryAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code /q/metrics} after real traffic: every request counted once with its client, registered operation and
 * outcome, errors by public code, fields by use, each attempt at a service, the breakers, the document cache — and no
 * label value a caller could choose.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class MetricsTests extends ShopTest {

    @Test
    void aRegisteredOperationIsCountedUnderItsNameWithItsFieldsAndCalls() {
        double before = now("facet_graphql_requests_seconds_count",
                "client=\"web\"", "operation=\"ProductPage\"", "outcome=\"ok\"");
        double fieldBefore = now("facet_graphql_field_usage_total", "client=\"web\"", "field=\"Product.reviews\"");
        for (int i = 0; i < 3; i++) {
            queryAs("web", operation("web", "ProductPage"), Map.of("id", "p1")).statusCode(200)
                    .body("data.product.id", equalTo("p1"));
        }
        String metrics = scrape();
        assertThat(value(metrics, "facet_graphql_requests_seconds_count",
                "client=\"web\"", "operation=\"ProductPage\"", "outcome=\"ok\"")).isEqualTo(before + 3);
        // the p99 alert reads the histogram's buckets
        assertThat(lines(metrics, "facet_graphql_requests_seconds_bucket", "operation=\"ProductPage\"", "le=\"1.0\""))
                .isNotEmpty();
        // counted per executed operation, not per resolved value
        assertThat(value(metrics, "facet_graphql_field_usage_total", "client=\"web\"", "field=\"Product.reviews\""))
                .isEqualTo(fieldBefore + 3);
        assertThat(lines(metrics, "facet_graphql_field_usage_total", "field=\"Query.product\"")).isNotEmpty();
        assertThat(lines(metrics, "facet_graphql_field_usage_total", "field=\"__typename\"")).isEmpty();
        assertThat(value(metrics, "facet_downstream_calls_seconds_count", "service=\"catalog\"", "outcome=\"ok\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(lines(metrics, "facet_downstream_calls_seconds_bucket", "service=\"reviews\"")).isNotEmpty();
        assertThat(value(metrics, "facet_downstream_breaker_state", "service=\"reviews\"")).isZero();
        // Facet's own timers replace Micrometer's per-route ones and Fault Tolerance's per-call ones
        assertThat(metrics).doesNotContain("http_server_requests").doesNotContain("http_client_requests")
                .doesNotContain("ft_invocations").contains("jvm_memory_used_bytes");
        assertThat(value(metrics, "cache_gets_total", "cache=\"facet.documents\"", "result=\"hit\""))
                .isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "cache_gets_total", "cache=\"facet.documents\"", "result=\"miss\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void callersCannotCreateLabelValues() {
        String name = "Op" + UUID.randomUUID().toString().replace("-", "");
        queryAs("web", "query " + name + " { product(id: \"p1\") { id } }", Map.of()).statusCode(200);
        String client = "c" + UUID.randomUUID();
        queryAs(client, "{ product(id: \"p1\") { id } }", Map.of()).statusCode(400);

        String metrics = scrape();
        assertThat(metrics).doesNotContain(name).doesNotContain(client);
        assertThat(value(metrics, "facet_graphql_requests_seconds_count",
                "client=\"web\"", "operation=\"unregistered\"", "outcome=\"ok\"")).isPositive();
        assertThat(value(metrics, "facet_graphql_requests_seconds_count",
                "client=\"unknown\"", "operation=\"unregistered\"", "outcome=\"refused\"")).isPositive();
        assertThat(value(metrics, "facet_graphql_errors_total",
                "client=\"unknown\"", "operation=\"unregistered\"", "code=\"UNKNOWN_CLIENT\"")).isPositive();
    }

    @Test
    void aFailingServiceIsAPartialAnswerWithItsCodeAndFailedAttempts() {
        shop.stubFor(get(urlPathEqualTo("/reviews/reviews")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{}")));
        double partial = now("facet_graphql_requests_seconds_count",
                "client=\"web\"", "operation=\"ProductPage\"", "outcome=\"partial\"");
        double errors = now("facet_graphql_errors_total",
                "client=\"web\"", "operation=\"ProductPage\"", "code=\"DOWNSTREAM_UNAVAILABLE\"");
        double failed = now("facet_downstream_calls_seconds_count", "service=\"reviews\"", "outcome=\"error\"");

        queryAs("web", operation("web", "ProductPage"), Map.of("id", "p2")).statusCode(200)
                .body("errors[0].extensions.code", equalTo("DOWNSTREAM_UNAVAILABLE"));

        String metrics = scrape();
        assertThat(value(metrics, "facet_graphql_requests_seconds_count",
                "client=\"web\"", "operation=\"ProductPage\"", "outcome=\"partial\"")).isEqualTo(partial + 1);
        assertThat(value(metrics, "facet_graphql_errors_total",
                "client=\"web\"", "operation=\"ProductPage\"", "code=\"DOWNSTREAM_UNAVAILABLE\""))
                .isGreaterThan(errors);
        // one sample per attempt: the first and each retry
        assertThat(value(metrics, "facet_downstream_calls_seconds_count", "service=\"reviews\"", "outcome=\"error\""))
                .isGreaterThanOrEqualTo(failed + 2);
        assertThat(value(metrics, "facet_downstream_retries_total", "service=\"reviews\"")).isPositive();
    }

    @Test
    void aDocumentRefusedBeforeExecutionIsRefusedWithItsCode() {
        double refused = now("facet_graphql_errors_total",
                "client=\"web\"", "operation=\"unregistered\"", "code=\"GRAPHQL_VALIDATION_FAILED\"");
        queryAs("web", "{ nothingHere }", Map.of()).statusCode(200);
        assertThat(now("facet_graphql_errors_total",
                "client=\"web\"", "operation=\"unregistered\"", "code=\"GRAPHQL_VALIDATION_FAILED\""))
                .isEqualTo(refused + 1);
        assertThat(now("facet_graphql_requests_seconds_count",
                "client=\"web\"", "operation=\"unregistered\"", "outcome=\"refused\"")).isPositive();
    }

    private static double now(String metric, String... labels) {
        return value(scrape(), metric, labels);
    }
}
