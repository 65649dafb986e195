package dev.facet.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.facet.testing.ManagementPort;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopServices.InjectShop;
import dev.facet.testing.TestIdentityProvider;
import dev.facet.testing.WarmUpProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Readiness waits for the warm-up, and the warm-up costs the services one call per distinct read: everything else
 * it sends itself is answered from what they said the first time. It sends mutations too, and never writes.
 */
@QuarkusTest
@TestProfile(WarmUpProfile.class)
@WithTestResource(ShopServices.class)
class WarmUpTests {

    @InjectShop
    WireMockServer shop;

    @Test
    void readinessReportsUpOnceTheWarmUpHasRunEveryOperationAndEachServiceCallReachedItsServiceOnce() {
        JsonPath readiness = awaitReady(Duration.ofSeconds(60));

        Map<String, Object> warmUp = readiness.getMap("checks.find { it.name == 'warm-up' }.data");
        assertThat(warmUp.get("requests")).isEqualTo(WarmUpProfile.OPERATIONS * WarmUpProfile.REQUESTS);
        List<String> calls = shop.getAllServeEvents().stream()
                .map(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
                .filter(call -> !call.contains("/idp/"))
                .toList();
        // PlaceOrder was sent too, every time, and its write never left Facet
        assertThat(calls).as("the warm-up never writes").noneMatch(call -> call.startsWith("POST"));
        Map<String, Long> timesEachCall = calls.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(timesEachCall).as("each distinct call reached its service once").allSatisfy(
                (call, times) -> assertThat(times).as(call).isEqualTo(1));
        assertThat(warmUp.get("service-calls")).isEqualTo(calls.size());
        assertThat(calls.size()).as("a handful of calls for %d requests", WarmUpProfile.OPERATIONS
                * WarmUpProfile.REQUESTS).isBetween(10, 40);
    }

    @Test
    void theSignedInOperationsWarmTheTokenPathWithTokensOidcVerified() {
        Map<String, Object> warmUp = awaitReady(Duration.ofSeconds(60))
                .getMap("checks.find { it.name == 'warm-up' }.data");
        // AccountPage, Home and PlaceOrder need a caller: every one of their requests carried a token Quarkus OIDC
        // verified, as a caller's is, not an identity handed to the request
        assertThat(warmUp.get("verified-tokens")).isEqualTo(WarmUpProfile.SIGNED_IN_OPERATIONS * WarmUpProfile.REQUESTS);
    }

    @Test
    void anOperationWithSeveralSetsOfVariablesIsSentWithEachAndEachReachesTheServicesOnce() {
        awaitReady(Duration.ofSeconds(60));
        List<String> catalog = shop.getAllServeEvents().stream().map(event -> event.getRequest().getUrl())
                .filter(url -> url.startsWith("/catalog/products")).toList();
        // ProductPage asked for p6 and for p42 (that each distinct call went out once, the first test shows)
        assertThat(catalog).anyMatch(url -> url.matches(".*[/=,]p6([,&].*)?"))
                .anyMatch(url -> url.matches(".*[/=,]p42([,&].*)?"));
    }

    @Test
    void anInstanceReportsReadyWithItsMetersAtZero() {
        awaitReady(Duration.ofSeconds(60));
        String metrics = ManagementPort.given().get("/q/metrics").then().statusCode(200).extract().asString();
        // the warm-up ran ProductPage, Home, ... tens of times each, and their calls, nearly all replayed: none of it
        // is a client's traffic or a service's answer
        assertThat(metrics).doesNotContain("operation=\"ProductPage\"").doesNotContain("operation=\"Home\"")
                .doesNotContain("field=\"Query.product\"")
                .doesNotContain("facet_downstream_calls_seconds_count{");
        // the breakers' states are there from the start
        assertThat(metrics).contains("facet_downstream_breaker_state{service=\"catalog\"} 0.0");

        // and a caller's request after it is counted once
        given().contentType("application/json").header("X-Client-Name", "web")
                .body(Map.of("query", "{ product(id: \"p6\") { name } }"))
                .post("/graphql").then().statusCode(200);
        String after = ManagementPort.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(after).contains("field=\"Query.product\"} 1.0")
                .containsPattern("facet_downstream_calls_seconds_count\\{[^}]*service=\"catalog\"[^}]*\\} 1\\.0");
    }

    @Test
    void aRequestThatClaimsToBeTheWarmUpIsAnOrdinaryRequest() {
        awaitReady(Duration.ofSeconds(60));
        // once the warm-up is over its secret is gone: the header changes nothing (no replay, no warm-up user)
        given().contentType("application/json").header("X-Client-Name", "web").header(WarmUp.HEADER, "anything")
                .body(Map.of("query", "{ me { name } }"))
                .post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("UNAUTHENTICATED"));
        // nor does it choose the warm-up's identity provider: a caller's token is verified by the configured one
        given().contentType("application/json").header(WarmUp.HEADER, "anything")
                .header("Authorization", "Bearer " + TestIdentityProvider.tokenFor("u3").sign())
                .body(Map.of("query", "{ me { name } }"))
                .post("/graphql").then().statusCode(200)
                .body("data.me.name", org.hamcrest.Matchers.equalTo("User 3"));
    }

    private static JsonPath awaitReady(Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (true) {
            var answer = ManagementPort.given().get("/q/health/ready").then().extract();
            if (answer.statusCode() == 200 || System.nanoTime() > until) {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
                return answer.jsonPath();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }
}
