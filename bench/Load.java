import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small closed-loop load generator for the benchmarks: POSTs one GraphQL body to a local URL with a fixed number
 * of requests in flight, and prints throughput and latency percentiles. Bounded in count and time, loopback only.
 *
 * java bench/Load.java URL BODY|@FILE CLIENT REQUESTS CONCURRENCY
 *
 * A FILE ending in .jsonl holds one body a line; the requests take them in turn (a hot set of products, say).
 */
public class Load {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        if (!"localhost".equals(url.getHost()) && !url.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("Load only runs against this machine");
        }
        // A body too large for a command line comes from a file: @path.
        String body = args[1].startsWith("@") ? java.nio.file.Files.readString(java.nio.file.Path.of(args[1].substring(1)))
                : args[1];
        String[] bodies = args[1].endsWith(".jsonl") ? body.lines().filter(line -> !line.isBlank()).toArray(String[]::new)
                : new String[] { body };
        String client = args[2];
        int requests = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest[] posts = Arrays.stream(bodies).map(each -> HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("X-Client-Name", client).POST(HttpRequest.BodyPublishers.ofString(each)).build())
                .toArray(HttpRequest[]::new);

        run(http, posts, Math.max(1, requests / 4), concurrency); // warm-up: JIT, connections, caches
        long[] latencies = new long[requests];
        long start = System.nanoTime();
        int failures = run(http, posts, requests, concurrency, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("requests=%d failures=%d req_per_s=%.0f p50_ms=%.2f p99_ms=%.2f%n", requests, failures,
                requests / seconds, latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6);
    }

    private static int run(HttpClient http, HttpRequest[] posts, int count, int concurrency) throws Exception {
        return run(http, posts, count, concurrency, new long[count]);
    }

    private static int run(HttpClient http, HttpRequest[] posts, int count, int concurrency, long[] latencies)
            throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up after 3 minutes");
            }
            inFlight.acquire();
            int index = i;
            long sent = System.nanoTime();
            calls[i] = http.sendAsync(posts[i % posts.length], HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                latencies[index] = System.nanoTime() - sent;
                if (error != null || response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                    failures.incrementAndGet();
                }
                inFlight.release();
            });
        }
        CompletableFuture.allOf(calls).exceptionally(ignored -> null).join();
        return failures.get();
    }
}
