package dev.facet.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

import dev.facet.testing.BodyBytesProfile;
import dev.facet.testing.MetricsScrape;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The bodies an instance holds at once are bounded in bytes ({@code facet.limits.max-in-flight-bytes}), not only
 * in number: callers that start large bodies and send them slowly are refused once their declared sizes would pass
 * the bound — 503 OVERLOADED before another byte is read — instead of filling the heap until the JVM stops. Without
 * it, 200 such bodies of 1 MB stopped an instance with the shipped 56 MB heap (OutOfMemoryError).
 */
@QuarkusTest
@TestProfile(BodyBytesProfile.class)
@WithTestResource(ShopServices.class)
class InFlightBytesTests extends ShopTest {

    private static final String HELD = "facet_graphql_body_bytes_held";

    @Test
    void bodiesBeyondTheBoundAreRefusedUnreadAndTheRoomComesBack() throws Exception {
        try (Slow first = Slow.start(20_000); Slow second = Slow.start(24_000)) {
            awaitHeld(held -> held >= 44_000);

            try (Slow third = Slow.start(8_000)) {
                assertThat(third.answer()).startsWith("HTTP/1.1 503").contains("Retry-After: 1")
                        .contains("\"OVERLOADED\"");
            }
            try (Slow chunked = Slow.chunked()) {
                assertThat(chunked.answer()).as("a body of unknown size counts as the largest allowed")
                        .startsWith("HTTP/1.1 503").contains("\"OVERLOADED\"");
            }

            assertThat(first.finish()).startsWith("HTTP/1.1 200").contains("\"__typename\":\"Query\"");
            assertThat(second.finish()).startsWith("HTTP/1.1 200");
        }
        awaitHeld(held -> held == 0);
        try (Slow again = Slow.start(24_000); Slow andAgain = Slow.start(24_000)) {
            assertThat(again.finish()).startsWith("HTTP/1.1 200");
            assertThat(andAgain.finish()).startsWith("HTTP/1.1 200");
        }
    }

    /**
     * A caller that never finishes its body would keep its bytes, and its place, for as long as it trickles: a few
     * such callers would fill the bound for everyone. The body must arrive within the request's deadline
     * ({@code facet.downstream.deadline}, 3 s), or the request is answered 408 and its room freed.
     */
    @Test
    void aBodyThatDoesNotArriveWithinTheDeadlineIsAnswered408() throws Exception {
        long started = System.nanoTime();
        try (Slow stuck = Slow.start(24_000)) {
            assertThat(stuck.answer()).startsWith("HTTP/1.1 408").contains("\"REQUEST_TIMEOUT\"");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(2_500L, 8_000L);
        }
        awaitHeld(held -> held == 0);
    }

    @Test
    void aBodyOverTheBodyLimitIsStill413() throws Exception {
        try (Slow large = Slow.start(BodyBytesProfile.MAX_BODY_BYTES + 1)) {
            assertThat(large.answer()).startsWith("HTTP/1.1 413");
        }
    }

    private static void awaitHeld(DoublePredicate expected) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        double held = MetricsScrape.value(MetricsScrape.scrape(), HELD);
        while (!expected.test(held) && System.nanoTime() < giveUp) {
            Thread.sleep(20);
            held = MetricsScrape.value(MetricsScrape.scrape(), HELD);
        }
        assertThat(expected.test(held)).as("body bytes held: %s", held).isTrue();
    }

    /** A POST whose head and all but the last byte of its body are sent; the rest when the test says so. */
    private static final class Slow implements AutoCloseable {

        private final Socket socket;
        private final byte[] body;

        private Slow(Socket socket, byte[] body) {
            this.socket = socket;
            this.body = body;
        }

        /** A {@code { __typename }} request padded to {@code size} bytes with an extension nobody reads. */
        static Slow start(int size) throws IOException {
            String head = "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"";
            String tail = "\"}}";
            byte[] body = (head + "x".repeat(Math.max(0, size - head.length() - tail.length())) + tail)
                    .getBytes(StandardCharsets.UTF_8);
            Socket socket = open();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Client-Name: web\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length - 1);
            out.flush();
            return new Slow(socket, body);
        }

        /** A POST in chunks, its size unknown until the last one. */
        static Slow chunked() throws IOException {
            Socket socket = open();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Client-Name: web\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new Slow(socket, new byte[0]);
        }

        private static Socket open() throws IOException {
            Socket socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(10_000);
            return socket;
        }

        /** What the server answered without being sent the rest. */
        String answer() throws IOException {
            return read();
        }

        /** Sends the last byte and reads the answer. */
        String finish() throws IOException {
            socket.getOutputStream().write(body, body.length - 1, 1);
            socket.getOutputStream().flush();
            return read();
        }

        private String read() throws IOException {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            StringBuilder answer = new StringBuilder();
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                int headEnd = answer.indexOf("\r\n\r\n");
                if (headEnd >= 0 && answer.indexOf("}", headEnd) >= 0 && answer.toString().trim().endsWith("}")) {
                    break;
                }
            }
            return answer.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
