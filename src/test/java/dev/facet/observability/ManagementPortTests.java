package dev.facet.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ManagementPort;
import dev.facet.testing.MetricsScrape;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health and metrics are for the platform, not for callers: they answer on the management port only. On the port
 * frontends reach, readiness would tell anyone the names of the internal services and the state of their breakers,
 * and metrics every operation and service Facet knows.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class ManagementPortTests extends ShopTest {

    @Test
    void healthAndMetricsAreNotAnsweredOnThePublicPort() {
        for (String path : new String[] { "/q/health", "/q/health/ready", "/q/health/live", "/q/metrics" }) {
            given().get(path).then().statusCode(404).body(not(containsString("catalog")));
        }
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() {
        given().header("X-Client-Name", "web").contentType("application/json")
                .body("{\"query\":\"{ __typename }\"}").post("/graphql").then().statusCode(200);

        ManagementPort.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        ManagementPort.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'downstream' }.data.catalog", equalTo("CLOSED"));
        assertThat(MetricsScrape.scrape()).contains("facet_graphql_requests_seconds_count{");
    }
}
