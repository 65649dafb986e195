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
 * the plain port it waited for a listener that never came, and stayed unready for good.
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

    @TestHTTPResource(value = "/q/health/ready", tls = true)
    URL ready;

    @Test
    void readinessReportsUpOnceTheWarmUpHasRunOverHttps() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ExtractableResponse<Response> answer;
        do {
            answer = given().trustStore(server.trustStore()).get(ready).then().extract();
            if (answer.statusCode() != 200) {
                Thread.sleep(100);
            }
        } while (answer.statusCode() != 200 && System.nanoTime() < until);

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        JsonPath readiness = answer.jsonPath();
        Map<String, Object> warmUp = readiness.getMap("checks.find { it.name == 'warm-up' }.data");
        assertThat(warmUp.get("requests")).isEqualTo(WarmUpProfile.OPERATIONS * WarmUpProfile.REQUESTS);
    }
}
