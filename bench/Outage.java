import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two halves of bench/outage.sh, loopback only and bounded:
 *
 * java bench/Outage.java hang PORT SECONDS
 *     a "hanging service": accepts connections on 127.0.0.1:PORT, reads what comes, never answers; exits after
 *     SECONDS.
 * java bench/Outage.java measure FACET_URL CLIENTS_DIR WEB_TOKEN MOBILE_TOKEN REPEATS LABEL
 *     sends every registered operation REPEATS times, one after another, and prints one line per operation:
 *     median and slowest answer time, HTTP statuses and the error codes seen.
 */
public class Outage {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("hang")) {
            hang(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else {
            measure(args);
        }
    }

    private static void hang(int port, int seconds) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(port, 512, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(500);
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                try {
                    Socket socket = server.accept();
                    held.add(socket);
                    Thread reader = new Thread(() -> drain(socket));
                    reader.setDaemon(true);
                    reader.start();
                } catch (java.net.SocketTimeoutException none) {
                    // keep waiting until the bench is over
                }
            }
        }
    }

    private static void drain(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // read and never answer
            }
        } catch (Exception closed) {
            // the client gave up
        }
    }

    private static void measure(String[] args) throws Exception {
        URI url = URI.create(args[1]);
        if (!"localhost".equals(url.getHost()) && !url.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("Outage only runs against this machine");
        }
        Path clients = Path.of(args[2]);
        String webToken = args[3];
        String mobileToken = args[4];
        int repeats = Integer.parseInt(args[5]);
        String label = args[6];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        record Operation(String client, String name, String token, String variables) {
        }
        List<Operation> operations = List.of(
                new Operation("web", "ProductPage", null, "{\"id\":\"p6\"}"),
                new Operation("web", "CategoryPage", null, "{\"category\":\"c1\"}"),
                new Operation("web", "AccountPage", webToken, "{}"),
                new Operation("web", "PlaceOrder", webToken,
                        "{\"input\":{\"lines\":[{\"productId\":\"p1\",\"quantity\":1}],\"idempotencyKey\":\"KEY\"}}"),
                new Operation("mobile", "Home", mobileToken, "{}"),
                new Operation("mobile", "ProductDetail", null, "{\"id\":\"p6\"}"));
        Pattern code = Pattern.compile("\"code\":\"([A-Z_]+)\"");
        for (Operation operation : operations) {
            String document = Files.readString(clients.resolve(operation.client()).resolve(operation.name() + ".graphql"));
            long[] millis = new long[repeats];
            TreeSet<String> statuses = new TreeSet<>();
            TreeSet<String> codes = new TreeSet<>();
            for (int i = 0; i < repeats; i++) {
                String variables = operation.variables().replace("KEY", UUID.randomUUID().toString());
                String body = "{\"query\":" + quote(document) + ",\"variables\":" + variables + "}";
                HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (operation.token() != null) {
                    request.header("Authorization", "Bearer " + operation.token());
                } else {
                    request.header("X-Client-Name", operation.client());
                }
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                millis[i] = (System.nanoTime() - sent) / 1_000_000;
                statuses.add(String.valueOf(response.statusCode()));
                Matcher found = code.matcher(response.body());
                while (found.find()) {
                    codes.add(found.group(1));
                }
            }
            Arrays.sort(millis);
            System.out.printf("%-28s %-14s p50_ms=%5d max_ms=%5d status=%s errors=%s%n", label, operation.name(),
                    millis[repeats / 2], millis[repeats - 1], String.join(",", statuses),
                    codes.isEmpty() ? "-" : String.join(",", codes));
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
