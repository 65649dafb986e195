package dev.facet.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.facet.testing.BehindProxyProfile;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Behind a load balancer, an anonymous caller's bucket is the one of the address the balancer forwards — and only a
 * trusted proxy is believed: a caller that sends {@code X-Forwarded-For} itself, from an address not listed in
 * {@code quarkus.http.proxy.trusted-proxies}, keeps its own address's bucket whatever it claims. Requests leave from
 * two loopback addresses: 127.0.0.1, the trusted proxy, and 127.0.0.2, a caller on its own.
 */
@QuarkusTest
@TestProfile(BehindProxyProfile.class)
@WithTestResource(ShopServices.class)
class TrustedProxiesTests extends ShopTest {

    private static final String QUERY = "{\"query\":\"{ product(id: \\\"p6\\\") { name } }\"}";

    @Test
    void aCallerThatForwardsForItselfGainsNothing() throws IOException {
        String untrusted = "127.0.0.2";
        assumeTrue(canLeaveFrom(untrusted), "this host cannot send from " + untrusted);
        for (int i = 0; i < BehindProxyProfile.ANONYMOUS_CAPACITY; i++) {
            assertThat(status(untrusted, "198.51.100." + i)).isEqualTo(200);
        }
        assertThat(status(untrusted, "198.51.100.99")).as("a new forwarded address every time").isEqualTo(429);
        assertThat(status(untrusted, null)).isEqualTo(429);
    }

    @Test
    void theTrustedProxysForwardedAddressHasABucketOfItsOwn() throws IOException {
        String proxy = BehindProxyProfile.TRUSTED_PROXY;
        for (int i = 0; i < BehindProxyProfile.ANONYMOUS_CAPACITY; i++) {
            assertThat(status(proxy, "203.0.113.1")).isEqualTo(200);
        }
        assertThat(status(proxy, "203.0.113.1")).as("the caller behind the proxy, out of requests").isEqualTo(429);
        assertThat(status(proxy, "203.0.113.2")).as("another caller behind the same proxy").isEqualTo(200);
    }

    private static boolean canLeaveFrom(String address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException unavailable) {
            return false;
        }
    }

    /** One anonymous request from {@code from}, forwarded for {@code forwardedFor} if not null: its HTTP status. */
    private int status(String from, String forwardedFor) throws IOException {
        byte[] body = QUERY.getBytes(StandardCharsets.UTF_8);
        String head = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Client-Name: web\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n";
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }
    }
}
