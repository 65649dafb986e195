package dev.facet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.HttpServer;

/**
 * Without a certificate Facet speaks plain HTTP only, as it does behind a TLS-terminating proxy or ingress: TLS is
 * something an operator turns on by configuring a certificate, never a port that opens by itself.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class TlsOffByDefaultTests {

    @Inject
    HttpServer server;

    @Test
    void noHttpsListenerWithoutACertificate() {
        assertThat(server.getPort()).isPositive();
        assertThat(server.getSecurePort()).isNotPositive();
    }
}
