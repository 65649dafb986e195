package dev.facet.deploy;

import static dev.facet.deploy.DeploymentFiles.DOCKER;
import static dev.facet.deploy.DeploymentFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code docker/prometheus/alerts.yml}: an alert for an open breaker, for the share of requests with service errors
 * and for the p99, each on the metrics Facet emits under the names and labels it emits them — a rule on a misspelt
 * metric would never fire, and nobody would notice.
 */
class AlertRulesTests {

    /** Facet's metrics, as Prometheus sees them (a timer is _count, _sum and _bucket series). */
    private static final Set<String> METRICS = Set.of(
            "facet_graphql_requests_seconds_count", "facet_graphql_requests_seconds_sum",
            "facet_graphql_requests_seconds_bucket", "facet_graphql_errors_total",
            "facet_downstream_calls_seconds_count", "facet_downstream_calls_seconds_sum",
            "facet_downstream_calls_seconds_bucket", "facet_downstream_breaker_state");
    private static final Set<String> LABELS = Set.of("client", "operation", "outcome", "code", "service", "le",
            "instance", "job");

    private static final List<JsonNode> RULES = rules();

    @Test
    void everyRuleIsAnAlertWithASeverityASummaryAndAWait() {
        assertThat(RULES).isNotEmpty();
        for (JsonNode rule : RULES) {
            String name = rule.path("alert").asText();
            assertThat(name).as("alert name").isNotBlank();
            assertThat(rule.path("expr").asText()).as(name).isNotBlank();
            assertThat(rule.path("for").asText()).as("%s waits before firing", name).matches("\\d+[smh]");
            assertThat(rule.at("/labels/severity").asText()).as(name).isIn("page", "warning");
            assertThat(rule.at("/annotations/summary").asText()).as(name).isNotBlank();
        }
    }

    @Test
    void rulesUseOnlyMetricsAndLabelsFacetEmits() {
        for (JsonNode rule : RULES) {
            String expr = rule.path("expr").asText();
            Matcher metric = Pattern.compile("facet_[a-z_]+").matcher(expr);
            while (metric.find()) {
                assertThat(METRICS).as(rule.path("alert").asText()).contains(metric.group());
            }
            Matcher by = Pattern.compile("by \\(([^)]*)\\)").matcher(expr);
            while (by.find()) {
                for (String label : by.group(1).split(",")) {
                    assertThat(LABELS).as(rule.path("alert").asText()).contains(label.strip());
                }
            }
        }
    }

    @Test
    void anOpenBreakerIsAlerted() {
        // 0 closed, 1 open, 2 half-open: open or half-open for long means the service is down
        assertThat(exprOf("FacetDownstreamBreakerOpen")).contains("facet_downstream_breaker_state")
                .contains("by (service)").containsPattern(">=\\s*1");
    }

    @Test
    void theShareOfRequestsWithServiceErrorsIsAlerted() {
        String expr = exprOf("FacetErrorRatioHigh");
        assertThat(expr).contains("facet_graphql_errors_total").contains("facet_graphql_requests_seconds_count");
        // the codes of errors the shop caused, never a client's bad input
        assertThat(expr).contains("DOWNSTREAM_UNAVAILABLE").contains("DOWNSTREAM_TIMEOUT").contains("INTERNAL")
                .doesNotContain("BAD_USER_INPUT").doesNotContain("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void theP99IsAlerted() {
        assertThat(exprOf("FacetLatencyP99High")).contains("histogram_quantile(0.99")
                .contains("facet_graphql_requests_seconds_bucket").contains("le");
    }

    private static String exprOf(String alert) {
        return RULES.stream().filter(rule -> alert.equals(rule.path("alert").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no alert " + alert)).path("expr").asText();
    }

    private static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        yaml(DOCKER.resolve("prometheus").resolve("alerts.yml")).path("groups")
                .forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }
}
