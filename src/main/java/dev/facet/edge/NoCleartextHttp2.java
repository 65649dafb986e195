package dev.facet.edge;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Plain HTTP speaks HTTP/1.1 only, so that {@code quarkus.http.limits.max-connections} counts every connection from
 * the moment it opens. With cleartext HTTP/2 (h2c) on, Vert.x cannot tell whether a plain connection will upgrade
 * until its first request is complete, and calls the connection handler that enforces the bound only then: a caller
 * that opens connections and never finishes a request head was not counted at all, and each held up to a head's worth
 * of direct memory (measured: 5,000 such connections of 15 KB filled the direct memory of an instance with the shipped
 * 56 MB heap, and it stopped answering). HTTPS keeps HTTP/2, negotiated by ALPN during the handshake, before the
 * connection is counted.
 *
 * <p>Hand-written because no setting does it: Quarkus's {@code quarkus.http.http2} switches HTTP/2 off for HTTPS too.
 */
@Singleton
class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
