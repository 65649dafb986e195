package dev.facet.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ConnectionsProfile;
import dev.facet.testing.ManagementPort;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A connection takes its place among {@code quarkus.http.limits.max-connections} the moment it opens, not once its
 * first request is complete: callers that open connections and send request heads they never finish hold at most
 * that many, each at most a head's worth of bytes. Without it, 5,000 connections each sending 15 KB of an unfinished
 * head filled the direct memory of an instance running with the shipped JVM options: it answered nothing, and went
 * on answering nothing after they left.
 */
@QuarkusTest
@TestProfile(ConnectionsProfile.class)
@WithTestResource(ShopServices.class)
class SlowHeadsTests extends ShopTest {

    private static final String TYPENAME = "{\"query\":\"{ __typename }\"}";

    @Test
    void connectionsPastTheBoundAreClosedBeforeTheirFirstRequestIsComplete() throws Exception {
        List<Connection> heads = new ArrayList<>();
        try {
            sendUnfinishedHeads(ConnectionsProfile.MAX_CONNECTIONS + 10, heads);
            long closed = closedByServer(heads, 10);

            assertThat(closed).as("unfinished heads closed by the server").isBetween(10L, 20L);
            assertThat(Connection.open().ask(TYPENAME)).as("a new caller, while every place is taken").isEmpty();
        } finally {
            closeAll(heads);
        }
        assertThat(answerWhenThereIsRoom()).startsWith("HTTP/1.1 200").contains("\"__typename\":\"Query\"");
    }

    @Test
    void aCallerConnectedBeforeIsStillServed() throws Exception {
        List<Connection> heads = new ArrayList<>();
        try (Connection caller = Connection.open()) {
            assertThat(caller.ask(TYPENAME)).startsWith("HTTP/1.1 200");
            sendUnfinishedHeads(ConnectionsProfile.MAX_CONNECTIONS, heads);

            assertThat(caller.ask(TYPENAME)).startsWith("HTTP/1.1 200").contains("\"__typename\":\"Query\"");
        } finally {
            closeAll(heads);
        }
    }

    @Test
    void probesAreAnsweredWhileEveryPlaceIsHeld() throws Exception {
        List<Connection> heads = new ArrayList<>();
        try {
            sendUnfinishedHeads(ConnectionsProfile.MAX_CONNECTIONS + 5, heads);
            closedByServer(heads, 5);
            assertThat(Connection.open().ask(TYPENAME)).as("a new caller, while every place is taken").isEmpty();

            // a liveness probe refused here would have the orchestrator restart an instance that is well
            ManagementPort.given().get("/q/health/live").then().statusCode(200);
            ManagementPort.given().get("/q/health/ready").then().statusCode(200);
        } finally {
            closeAll(heads);
        }
    }

    /** Opens {@code count} connections that each send an unfinished head, into {@code heads}. */
    private static void sendUnfinishedHeads(int count, List<Connection> heads) throws IOException {
        for (int i = 0; i < count; i++) {
            heads.add(Connection.open().sendUnfinishedHead());
        }
    }

    /** How many of {@code connections} the server has closed, once at least {@code expected} (or after 5 s). */
    private static long closedByServer(List<Connection> connections, int expected) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Connection> open = new ArrayList<>(connections);
        long closed = 0;
        while (closed < expected && System.nanoTime() < giveUp) {
            List<Connection> seenClosed = open.stream().filter(Connection::closedByServer).toList();
            open.removeAll(seenClosed);
            closed += seenClosed.size();
        }
        return closed;
    }

    private static String answerWhenThereIsRoom() throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String answer = "";
        while (!answer.startsWith("HTTP/1.1 200") && System.nanoTime() < giveUp) {
            try (Connection connection = Connection.open()) {
                answer = connection.ask(TYPENAME);
            }
            Thread.sleep(50);
        }
        return answer;
    }

    private static void closeAll(List<Connection> connections) throws IOException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    /** A raw HTTP/1.1 connection to the instance, to send what no HTTP client would. */
    private static final class Connection implements AutoCloseable {

        private final Socket socket;

        private Connection(Socket socket) {
            this.socket = socket;
        }

        static Connection open() throws IOException {
            return new Connection(new Socket("localhost", RestAssured.port));
        }

        /** A POST's head of about 8 KB, all but its end: the server waits for the rest. */
        Connection sendUnfinishedHead() throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Client-Name: web\r\nX-Pad: " + "a".repeat(8000))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return this;
        }

        /** Whether the server has closed this connection. */
        boolean closedByServer() {
            try {
                socket.setSoTimeout(50);
                return socket.getInputStream().read() < 0;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        /** Sends a POST of {@code body} and reads its answer; empty if the server closed the connection instead. */
        String ask(String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            socket.setSoTimeout(5_000);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Client-Name: web\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                return readAnswer(socket.getInputStream());
            } catch (SocketException closed) {
                return "";
            }
        }

        /** One answer with a Content-Length, or what came before the connection closed. */
        private static String readAnswer(InputStream in) throws IOException {
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                int headEnd = answer.indexOf("\r\n\r\n");
                if (headEnd >= 0 && answer.length() - headEnd - 4 >= contentLength(answer.substring(0, headEnd))) {
                    break;
                }
            }
            return answer.toString();
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    return Integer.parseInt(line.substring(15).trim());
                }
            }
            return Integer.MAX_VALUE;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
