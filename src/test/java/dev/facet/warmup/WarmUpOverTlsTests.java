package dev.facet.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.facet.deploy.TlsCertificate;
import dev.facet.deploy.TlsCertificate.InjectServerCertificate;
import dev.facet.deploy.TlsCertificate.ServerCertificate;
import dev.facet.testing.ManagementPort;
import dev.facet.testing.ShopServices;
import dev.facet.testing.WarmUpProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * An instance that serves only HTTPS warms up too, over its TLS port, and reports ready: with the warm-up bound to
 * the plain port it waited for a listener that never came, and stayed unready for good. Readiness is on the management
 * port, which serves HTTPS too with the same certificate.
 */
@QuarkusTest
@TestProfile(WarmUpOverTlsTests.OverTls.class)
@WithTestResource(ShopServices.class)
class WarmUpOverTlsTests {

    /** The production warm-up behind a certificate, with plain HTTP off. Public: Quarkus instantiates it. */
    public static class OverTls extends WarmUpProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TlsCertificate.class));
        }
    }

    @InjectServerCertificate
    ServerCertificate server;

    @TestHTTPResource(value = "/graphql", tls = true)
    URL graphql;

    @Test
    void readinessReportsUpOnceTheWarmUpHasRunOverHttps() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ExtractableResponse<Response> answer;
        do {
            // the management port, behind the same certificate (Quarkus's default TLS configuration covers it too)
            answer = given().trustStore(server.trustStore()).baseUri("https://localhost").port(ManagementPort.port())
                    .get("/q/health/ready").then().extract();
            if (answer.statusCode() != 200) {
                Thread.sleep(100);
            }
        } while (answer.statusCode() != 200 && System.nanoTime() < until);

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        JsonPath readiness = answer.jsonPath();
        Map<String, Object> warmUp = readiness.getMap("checks.find { it.name == 'warm-up' }.data");
        assertThat(warmUp.get("requests")).isEqualTo(WarmUpProfile.OPERATIONS * WarmUpProfile.REQUESTS);
        given().trustStore(server.trustStore()).header("X-Client-Name", "web").contentType("application/json")
                .body("{\"query\":\"{ __typename }\"}").post(graphql).then().statusCode(200);
    }
}
