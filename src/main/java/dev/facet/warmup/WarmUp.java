package dev.facet.warmup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.facet.documents.PreparedDocument;
import dev.facet.documents.RegisteredDocuments;
import graphql.language.OperationDefinition;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Warms Facet up before it reports ready: a JVM that takes full traffic cold spends its first seconds interpreting
 * and compiling, its calls to the services time out, and their breakers open — every new instance of an
 * autoscaled deployment would start by failing. So at start-up Facet sends itself its registered operations
 * ({@code facet.warm-up.operations}), over HTTP to its own port, {@code facet.warm-up.requests} times each, through the
 * whole request path: the edge, the engine, the resolvers, the REST clients and their JSON. Only the first request of each
 * operation reaches the services; their answers are recorded and replayed to the rest ({@link WarmUpReplay}), so the
 * warm-up costs each service a handful of calls, never writes, and leaves its breakers alone.
 *
 * <p>Warm-up requests prove themselves with a secret made at start-up and dropped when the warm-up ends; only they
 * are replayed, run as the configured warm-up user, and bypass rate limits. Readiness
 * ({@link WarmUpReadiness}) reports UP when the warm-up is over.
 */
@Singleton
public class WarmUp {

    static final String HEADER = "X-Facet-Warm-Up";
    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final String CLIENT_HEADER = "X-Client-Name";
    // for the warm-up's own log lines only; Facet reads the operation name from the body
    private static final String OPERATION_HEADER = "X-Facet-Warm-Up-Operation";

    private final WarmUpSettings settings;
    private final RegisteredDocuments registered;
    private volatile int port;
    private volatile boolean tls;
    private final WarmUpReplay replay;
    private final Vertx vertx;
    private volatile String secret;
    private volatile boolean over;
    private volatile int requestsSent;

    WarmUp(WarmUpSettings settings, RegisteredDocuments registered, WarmUpReplay replay, Vertx vertx) {
        this.settings = settings;
        this.vertx = vertx;
        this.registered = registered;
        this.replay = replay;
        this.over = !settings.enabled();
    }

    /** Starts once Facet listens: the warm-up is a client of Facet's own port. */
    void start(@ObservesAsync HttpServerStart started, HttpServer server) {
        begin(server.getPort(), false);
    }

    /**
     * Or its TLS port, when that is the only one ({@code quarkus.http.insecure-requests=disabled}) or the first to
     * listen: otherwise an instance that serves only HTTPS would wait for a warm-up that never starts, and never
     * report ready.
     */
    void startSecure(@ObservesAsync HttpsServerStart started, HttpServer server) {
        begin(server.getSecurePort(), true);
    }

    private synchronized void begin(int listening, boolean tls) {
        if (over || secret != null || listening <= 0) {
            return;
        }
        port = listening;
        this.tls = tls;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        secret = HexFormat.of().formatHex(random);
        Thread thread = new Thread(this::run, "facet-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the warm-up is over (or off): readiness waits for it. */
    public boolean over() {
        return over;
    }

    /** How many requests the warm-up sent itself. */
    int requestsSent() {
        return requestsSent;
    }

    /** How many of their calls reached the services; the others were replayed. */
    int serviceCalls() {
        return replay.realCalls();
    }

    /**
     * Whether {@code request} is one of the warm-up's own, which only the warm-up can send while it runs; if so, its
     * calls to the services are replayed from then on.
     */
    public boolean admits(RoutingContext request) {
        String known = secret;
        String claimed = request.request().getHeader(HEADER);
        if (known == null || claimed == null
                || !MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII), claimed.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        WarmUpReplay.mark();
        return true;
    }

    /** The caller warm-up requests run as: the configured warm-up user, or anonymous. */
    public SecurityIdentity identity() {
        return settings.user()
                .<SecurityIdentity>map(user -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user)).build())
                .orElseGet(() -> QuarkusSecurityIdentity.builder().setAnonymous(true).build());
    }

    private void run() {
        long started = System.nanoTime();
        // Vert.x's client, not the JDK's: the JDK client would load some 400 classes and a selector thread that
        // stay in the instance's memory for its whole life, for a minute's work
        HttpClientOptions options = new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setConnectTimeout(2_000).setMaxPoolSize(Math.max(1, settings.concurrency()));
        if (tls) {
            // Facet's own port on the loopback interface: the certificate names the public host, not 127.0.0.1,
            // and the peer is this very process
            options.setSsl(true).setTrustAll(true).setVerifyHost(false);
        }
        HttpClient http = vertx.createHttpClient(options);
        try {
            awaitPort(http);
            replay.start();
            List<Operation> operations = primed(http, operations());
            long deadline = started + settings.maxDuration().toNanos();
            Semaphore inFlight = new Semaphore(Math.max(1, settings.concurrency()));
            int sent = 0;
            for (int round = 1; round < settings.requests() && System.nanoTime() < deadline; round++) {
                for (Operation operation : operations) {
                    if (!inFlight.tryAcquire(5, TimeUnit.SECONDS)) {
                        break;
                    }
                    operation.send(http).onComplete(answer -> inFlight.release());
                    sent++;
                }
            }
            inFlight.tryAcquire(Math.max(1, settings.concurrency()), 10, TimeUnit.SECONDS);
            requestsSent = sent + operations.size();
            LOG.infof("Warm-up: %d operations, %d requests in %d ms; the services were called %d times",
                    operations.size(), sent + operations.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), replay.realCalls());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception failure) {
            LOG.warnf("Warm-up stopped early: %s", failure.toString());
        } finally {
            secret = null;
            replay.stop();
            http.close();
            over = true;
        }
    }

    /** One operation of the warm-up, ready to send. */
    private record Operation(String client, String name, Buffer body, String secret) {

        Future<Answer> send(HttpClient http) {
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI("/graphql")
                    .setTimeout(10_000)
                    .putHeader("Content-Type", "application/json")
                    .putHeader(CLIENT_HEADER, client)
                    .putHeader(OPERATION_HEADER, name)
                    .putHeader(HEADER, secret);
            return http.request(request)
                    .compose(sending -> sending.send(body))
                    .compose(answer -> answer.body().map(text -> new Answer(answer.statusCode(), text)));
        }
    }

    private record Answer(int status, Buffer body) {
    }

    /** The configured operations that exist and are queries, as ready-to-send requests. */
    private List<Operation> operations() {
        List<Operation> requests = new ArrayList<>();
        settings.operations().forEach((client, byName) -> byName.forEach((name, variables) -> {
            PreparedDocument document = registered.named(client, name).orElse(null);
            OperationDefinition operation = document == null ? null : document.operation(name);
            if (operation == null || operation.getOperation() != OperationDefinition.Operation.QUERY) {
                LOG.warnf("Warm-up: %s %s is not a registered query; left out", client, name);
                return;
            }
            Buffer body = new JsonObject().put("query", document.text()).put("operationName", name)
                    .put("variables", new JsonObject(variables == null || variables.isBlank() ? "{}" : variables))
                    .toBuffer();
            requests.add(new Operation(client, name, body, secret));
        }));
        return requests;
    }

    /**
     * Sends each operation once, for real, one after the other (two operations in flight at once would both reach the
     * services for what they share); one that does not answer in full is left out of the warm-up.
     */
    private List<Operation> primed(HttpClient http, List<Operation> operations) throws InterruptedException {
        List<Operation> answered = new ArrayList<>();
        for (Operation operation : operations) {
            try {
                Answer answer = await(operation.send(http), 15);
                if (answer.status() == 200 && !answer.body().toString().contains("\"errors\"")) {
                    answered.add(operation);
                } else {
                    LOG.infof("Warm-up: %s %s answered with errors; left out", operation.client(), operation.name());
                }
            } catch (ExecutionException | TimeoutException failed) {
                LOG.infof("Warm-up: %s %s did not answer (%s); left out", operation.client(), operation.name(),
                        failed.getCause() == null ? failed.toString() : failed.getCause().toString());
            }
        }
        return answered;
    }

    private void awaitPort(HttpClient http) throws InterruptedException {
        RequestOptions health = new RequestOptions().setURI("/q/health/live").setTimeout(2_000);
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                await(http.request(health).compose(sending -> sending.send()).compose(answer -> answer.body()), 3);
                return;
            } catch (ExecutionException | TimeoutException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Facet's port " + port + " did not answer");
    }

    /** The warm-up runs on its own thread, never an event loop: it may wait. */
    private static <T> T await(Future<T> answer, int seconds)
            throws InterruptedException, ExecutionException, TimeoutException {
        return answer.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    }
}
