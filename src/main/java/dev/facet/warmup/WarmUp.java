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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.facet.contract.ClientSettings;
import dev.facet.documents.PreparedDocument;
import dev.facet.documents.RegisteredDocuments;
import dev.facet.errors.ErrorCode;
import graphql.language.OperationDefinition;
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
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Warms Facet up before it reports ready: a JVM that takes full traffic cold spends its first seconds interpreting
 * and compiling, its calls to the services time out, and their breakers open — every new instance of an
 * autoscaled deployment would start by failing. So at start-up Facet sends itself its registered operations
 * ({@code facet.warm-up.operations}), over HTTP to its own port, {@code facet.warm-up.requests} times each, through the
 * whole request path: the edge, the engine, the resolvers, the REST clients and their JSON. Only the first request of each
 * query reaches the services; their answers are recorded and replayed to the rest ({@link WarmUpReplay}), so the
 * warm-up costs each service a handful of calls and leaves its breakers alone. A mutation's write never leaves the
 * process: the replay refuses it as a service refuses an order it will not take, which warms the write's path — a
 * fresh instance measured on 2 cores answered a fifth fewer of its first second's requests in full when 5 % of them
 * were orders and only the reads had been warmed.
 *
 * <p>Warm-up requests prove themselves with a secret made at start-up and dropped when the warm-up ends; only they
 * are replayed and bypass rate limits. An operation about the caller is sent signed in as the configured warm-up
 * user, with a bearer token Quarkus OIDC verifies like any other ({@link WarmUpTokens}), so that the token path is
 * warm too. Readiness ({@link WarmUpReadiness}) reports UP when the warm-up is over.
 */
@Singleton
public class WarmUp {

    static final String HEADER = "X-Facet-Warm-Up";
    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final String CLIENT_HEADER = "X-Client-Name";
    // for the warm-up's own log lines only; Facet reads the operation name from the body
    private static final String OPERATION_HEADER = "X-Facet-Warm-Up-Operation";
    private static final int TOKENS_PER_CLIENT = 100;
    /**
     * One warm-up request in this many asks Facet to close its connection after the answer: callers open and close
     * connections, and a warm-up over a few kept-alive ones never ran that code (accepting, the pipeline's set-up,
     * closing) before the first caller did.
     */
    private static final int REQUESTS_PER_CONNECTION = 8;

    private final WarmUpSettings settings;
    private final RegisteredDocuments registered;
    private volatile int port;
    private volatile boolean tls;
    private final WarmUpReplay replay;
    private final WarmUpTokens tokens;
    private final ClientSettings clients;
    private final Vertx vertx;
    private final Event<WarmUpOver> overEvent;
    private volatile String secret;
    private volatile boolean over;
    private volatile int requestsSent;

    WarmUp(WarmUpSettings settings, RegisteredDocuments registered, WarmUpReplay replay, WarmUpTokens tokens,
            ClientSettings clients, Vertx vertx, Event<WarmUpOver> overEvent) {
        this.settings = settings;
        this.overEvent = overEvent;
        this.tokens = tokens;
        this.clients = clients;
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
        if (!proves(request)) {
            return false;
        }
        WarmUpReplay.mark();
        return true;
    }

    /** Whether {@code request} carries the warm-up's secret, which only the warm-up can send while it runs. */
    boolean proves(RoutingContext request) {
        String known = secret;
        String claimed = request.request().getHeader(HEADER);
        return known != null && claimed != null
                && MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII), claimed.getBytes(StandardCharsets.US_ASCII));
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
            int primedRequests = operations.stream().mapToInt(operation -> operation.bodies().size()).sum();
            long deadline = started + settings.maxDuration().toNanos();
            Semaphore inFlight = new Semaphore(Math.max(1, settings.concurrency()));
            int sent = 0;
            rounds:
            for (int round = 0; System.nanoTime() < deadline; round++) {
                boolean more = false;
                for (Operation operation : operations) {
                    // each operation is sent `requests` times in all, its priming included
                    if (round + operation.bodies().size() >= settings.requests()) {
                        continue;
                    }
                    more = true;
                    if (!inFlight.tryAcquire(5, TimeUnit.SECONDS)) {
                        break rounds;
                    }
                    sent++;
                    operation.send(http, operation.body(round), sent % REQUESTS_PER_CONNECTION == 0)
                            .onComplete(answer -> inFlight.release());
                }
                if (!more) {
                    break;
                }
            }
            inFlight.tryAcquire(Math.max(1, settings.concurrency()), 10, TimeUnit.SECONDS);
            requestsSent = sent + primedRequests;
            LOG.infof("Warm-up: %d operations, %d requests in %d ms; the services were called %d times",
                    operations.size(), requestsSent,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), replay.realCalls());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception failure) {
            LOG.warnf("Warm-up stopped early: %s", failure.toString());
        } finally {
            secret = null;
            tokens.forget();
            replay.stop();
            http.close();
            try {
                overEvent.fire(new WarmUpOver());
            } catch (RuntimeException observerFailed) {
                // readiness must not wait for what only tidies the meters
                LOG.warnf("Warm-up: forgetting its metrics failed: %s", observerFailed.toString());
            }
            // What the warm-up left behind (its recordings, its requests' garbage promoted on the way) is collected
            // now, before any traffic, and not in a full collection during the first seconds of it. Measured on 2
            // cores, a fresh instance at 400 requests/s: 9 % of the first second's requests answered in full without
            // it, 47 % with it.
            System.gc();
            over = true;
        }
    }

    /** One operation of the warm-up, ready to send with each of its sets of variables in turn. */
    private record Operation(String client, String name, List<Buffer> bodies, String secret, Supplier<String> token,
            boolean write) {

        /** The same operation, sent signed in with a new token each time. */
        Operation signedIn(Supplier<String> tokens) {
            return new Operation(client, name, bodies, secret, tokens, write);
        }

        /** The request body of round {@code round}: the sets of variables in turn. */
        Buffer body(int round) {
            return bodies.get(round % bodies.size());
        }

        /**
         * Whether Facet answered as it does in service: a query in full; a write refused as the service refuses
         * what it will not take ({@code BAD_USER_INPUT}), since the replay server refuses every write.
         */
        boolean answeredAsExpected(Answer answer) {
            if (answer.status() != 200) {
                return false;
            }
            JsonArray errors = new JsonObject(answer.body()).getJsonArray("errors");
            if (!write) {
                return errors == null || errors.isEmpty();
            }
            return errors != null && !errors.isEmpty() && errors.stream().allMatch(error -> error instanceof JsonObject e
                    && e.getJsonObject("extensions") != null
                    && ErrorCode.BAD_USER_INPUT.name().equals(e.getJsonObject("extensions").getString("code")));
        }

        Future<Answer> send(HttpClient http, Buffer body, boolean closeAfter) {
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI("/graphql")
                    .setTimeout(10_000)
                    .putHeader("Content-Type", "application/json")
                    .putHeader(CLIENT_HEADER, client)
                    .putHeader(OPERATION_HEADER, name)
                    .putHeader(HEADER, secret);
            if (closeAfter) {
                request.putHeader("Connection", "close");
            }
            String bearer = token == null ? null : token.get();
            if (bearer != null) {
                request.putHeader("Authorization", "Bearer " + bearer);
            }
            return http.request(request)
                    .compose(sending -> sending.send(body))
                    .compose(answer -> answer.body().map(text -> new Answer(answer.statusCode(), text)));
        }
    }

    private record Answer(int status, Buffer body) {
    }

    /**
     * The configured operations that exist and are queries or mutations, as ready-to-send requests; their variables a
     * JSON object or an array of them.
     */
    private List<Operation> operations() {
        List<Operation> requests = new ArrayList<>();
        settings.operations().forEach((client, byName) -> byName.forEach((name, variables) -> {
            PreparedDocument document = registered.named(client, name).orElse(null);
            OperationDefinition operation = document == null ? null : document.operation(name);
            if (operation == null || operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                LOG.warnf("Warm-up: %s %s is not a registered query or mutation; left out", client, name);
                return;
            }
            List<JsonObject> variableSets = variableSets(variables);
            if (variableSets.isEmpty()) {
                LOG.warnf("Warm-up: the variables of %s %s are not a JSON object or an array of them; left out",
                        client, name);
                return;
            }
            List<Buffer> bodies = variableSets.stream().map(set -> new JsonObject().put("query", document.text())
                    .put("operationName", name).put("variables", set).toBuffer()).toList();
            requests.add(new Operation(client, name, bodies, secret, null,
                    operation.getOperation() == OperationDefinition.Operation.MUTATION));
        }));
        return requests;
    }

    /** The sets of variables configured for an operation; none when they are not what they must be. */
    private static List<JsonObject> variableSets(String configured) {
        String text = configured == null ? "" : configured.strip();
        try {
            if (text.isEmpty()) {
                return List.of(new JsonObject());
            }
            if (!text.startsWith("[")) {
                return List.of(new JsonObject(text));
            }
            List<JsonObject> sets = new ArrayList<>();
            for (Object set : new JsonArray(text)) {
                if (!(set instanceof JsonObject variables)) {
                    return List.of();
                }
                sets.add(variables);
            }
            return sets;
        } catch (DecodeException notJson) {
            return List.of();
        }
    }

    /**
     * Sends each operation once with each of its sets of variables, for real, one after the other (two in flight at
     * once would both reach the services for what they share): as an anonymous caller, and when that is not answered
     * as expected, signed in as the warm-up user (an operation about the caller). One that is not answered as expected
     * either way is left out.
     */
    private List<Operation> primed(HttpClient http, List<Operation> operations) throws InterruptedException {
        List<Operation> answered = new ArrayList<>();
        for (Operation anonymous : operations) {
            Operation operation = anonymous;
            if (!full(http, operation)) {
                Supplier<String> signedIn = tokensFor(operation.client());
                operation = signedIn == null ? null : anonymous.signedIn(signedIn);
                if (operation == null || !full(http, operation)) {
                    LOG.infof("Warm-up: %s %s answered with errors; left out", anonymous.client(), anonymous.name());
                    continue;
                }
            }
            answered.add(operation);
        }
        return answered;
    }

    private static boolean full(HttpClient http, Operation operation) throws InterruptedException {
        try {
            for (Buffer body : operation.bodies()) {
                if (!operation.answeredAsExpected(await(operation.send(http, body, false), 15))) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException failed) {
            LOG.infof("Warm-up: %s %s did not answer (%s)", operation.client(), operation.name(),
                    failed.getCause() == null ? failed.toString() : failed.getCause().toString());
            return false;
        }
    }

    /**
     * Bearer tokens of the warm-up user for {@code client}'s OIDC client, taken in turn from a pool; null when there is
     * no warm-up user or the client has no OIDC client id. Each warm-up request's token is verified afresh (the
     * verified-token memory keeps only the configured provider's), so a pool of a hundred verifies as many times as
     * there are requests, at the cost of a hundred signatures.
     */
    private Supplier<String> tokensFor(String client) {
        String clientId = clients.clients().containsKey(client)
                ? clients.clients().get(client).clientIds().stream().findFirst().orElse(null) : null;
        String user = settings.user().orElse(null);
        if (user == null || clientId == null || !tokens.available()) {
            return null;
        }
        List<String> pool = new ArrayList<>(TOKENS_PER_CLIENT);
        for (int i = 0; i < TOKENS_PER_CLIENT; i++) {
            pool.add(tokens.mint(user, clientId));
        }
        AtomicInteger next = new AtomicInteger();
        return () -> pool.get(Math.floorMod(next.getAndIncrement(), pool.size()));
    }

    /**
     * Waits until the port answers at all: any status will do (a path nothing serves, since health and metrics are on
     * the management port).
     */
    private void awaitPort(HttpClient http) throws InterruptedException {
        RequestOptions probe = new RequestOptions().setURI("/facet-warm-up/listening").setTimeout(2_000);
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                await(http.request(probe).compose(sending -> sending.send()).compose(answer -> answer.body()), 3);
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
