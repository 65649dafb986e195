package dev.facet.deploy;

import static dev.facet.testing.Shop.operation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import dev.facet.deploy.TlsCertificate.InjectServerCertificate;
import dev.facet.deploy.TlsCertificate.ServerCertificate;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

/**
 * Facet terminating TLS itself, configured as an operator would (a PEM certificate and key in Quarkus's TLS registry,
 * {@code quarkus.http.insecure-requests=disabled}): a real handshake with the certificate made for this run, HTTP/2
 * chosen by ALPN, an operation answered over HTTPS — and no plain HTTP at all.
 */
@QuarkusTest
@TestProfile(TlsTests.WithCertificate.class)
@WithTestResource(ShopServices.class)
class TlsTests extends ShopTest {

    /** Public because Quarkus instantiates it reflectively. */
    public static class WithCertificate implements QuarkusTestProfile {
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
    void operationIsAnsweredOverHttpsToAClientThatTrustsTheCertificate() {
        assertThat(graphql.getProtocol()).isEqualTo("https");

        given().trustStore(server.trustStore())
                .contentType(ContentType.JSON)
                .header("X-Client-Name", "web")
                .body(Map.of("query", operation("web", "ProductPage"), "variables", Map.of("id", "p6")))
                .when().post(graphql)
                .then()
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.price.formatted", equalTo("€3.22"));
    }

    @Test
    void http2IsNegotiatedByAlpnWithTheConfiguredCertificate() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(server)).version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> answer = client.send(productPage(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getJsonObject("data").getJsonObject("product").getString("name"))
                .isEqualTo("Product 6");
        // Over TLS the JDK client gets HTTP/2 only if the server picked h2 in the handshake (ALPN).
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
        Certificate presented = answer.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(presented).isEqualTo(server.certificate());
    }

    @Test
    void clientThatDoesNotTrustTheCertificateFailsTheHandshake() {
        // The JDK's own trust store knows nothing of this run's certificate: the handshake is real, and checked.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> client.send(productPage(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpIsRefused() {
        // With a certificate, insecure-requests=disabled: nothing listens for plain HTTP, so no token can be sent
        // in the clear and then redirected.
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.plainHttpPort()), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    private HttpRequest productPage() throws Exception {
        String body = new JsonObject().put("query", operation("web", "ProductPage"))
                .put("variables", new JsonObject().put("id", "p6")).encode();
        return HttpRequest.newBuilder(URI.create(graphql.toString())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Client-Name", "web")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static SSLContext trusting(ServerCertificate server) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(server.trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
