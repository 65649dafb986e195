package dev.facet.warmup;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * The services' side of the warm-up, on every REST client: a call made for a warm-up request is sent to a replay
 * server on loopback instead of its service — always: with no replay server running, it is not sent at all. The first
 * time the replay server sees a read it fetches the service's answer and records it; every later time it answers
 * with the recording. A write never leaves the process: the replay server refuses it itself, with a 422 whose body
 * names no known reason, as a service refuses an order it will not take — so the write's path (the mutation, its
 * body's JSON, the refusal's handling) is warmed, and nothing is bought. So the whole client path is warmed —
 * connection pool, HTTP codec, JSON reading and writing — while each distinct read reaches its service once. Other
 * calls pass untouched; once the warm-up is over the replay server is closed and the recordings dropped.
 *
 * <p>Only a request filter: a response filter on every client costs every real call, long after the warm-up.
 */
@Provider
@Singleton
public class WarmUpReplay implements ClientRequestFilter {

    static final String FLAG = "facet.warm-up";
    private static final Buffer REFUSED_WRITE = Buffer.buffer("{\"error\":\"facet_warm_up\"}");

    private record Call(String method, String uri, String accept) {
    }

    private record Recorded(int status, String type, Buffer body) {
    }

    private final Vertx vertx;
    private final Map<Call, Integer> ids = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<Integer, CompletableFuture<Recorded>> recorded = new ConcurrentHashMap<>();
    private final AtomicInteger realCalls = new AtomicInteger();
    private volatile HttpServer server;
    private volatile HttpClient services;
    private volatile String replayBase;

    WarmUpReplay(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Opens the replay server; from now on warm-up calls go there. */
    void start() throws Exception {
        services = vertx.createHttpClient();
        HttpServer opened = vertx.createHttpServer().requestHandler(this::replay)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server = opened;
        replayBase = "http://127.0.0.1:" + opened.actualPort() + "/";
    }

    void stop() {
        replayBase = null;
        if (server != null) {
            server.close();
        }
        if (services != null) {
            services.close();
        }
        ids.clear();
        calls.clear();
        recorded.clear();
    }

    int realCalls() {
        return realCalls.get();
    }

    /** Marks the request being served as a warm-up request, on its Vert.x context. */
    static void mark() {
        ContextLocals.put(FLAG, Boolean.TRUE);
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!forWarmUp()) {
            return;
        }
        String base = replayBase;
        if (base == null) {
            // a warm-up request outliving the replay server: its call reaches no service, ever
            request.abortWith(Response.status(Response.Status.SERVICE_UNAVAILABLE).build());
            return;
        }
        Call call = new Call(request.getMethod(), request.getUri().toString(),
                request.getHeaderString(HttpHeaders.ACCEPT));
        Integer id = ids.computeIfAbsent(call, unseen -> {
            synchronized (calls) {
                calls.add(unseen);
                return calls.size() - 1;
            }
        });
        request.setUri(URI.create(base + id));
    }

    private void replay(HttpServerRequest request) {
        Call call = call(request.path());
        if (call == null) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (!HttpMethod.GET.name().equals(call.method())) {
            // never forwarded: refused here, as a service refuses what it will not do
            request.response().setStatusCode(422).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(REFUSED_WRITE);
            return;
        }
        recorded.computeIfAbsent(ids.get(call), ignored -> fetch(call)).whenComplete((answer, failure) -> {
            if (failure != null) {
                request.response().setStatusCode(502).end();
                return;
            }
            if (answer.type() != null) {
                request.response().putHeader(HttpHeaders.CONTENT_TYPE, answer.type());
            }
            request.response().setStatusCode(answer.status()).end(answer.body());
        });
    }

    private CompletableFuture<Recorded> fetch(Call call) {
        realCalls.incrementAndGet();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(call.uri());
        if (call.accept() != null) {
            options.putHeader(HttpHeaders.ACCEPT, call.accept());
        }
        return services.request(options)
                .compose(outgoing -> outgoing.send())
                .compose(answer -> answer.body().map(body -> record(answer, body)))
                .toCompletionStage().toCompletableFuture();
    }

    private static Recorded record(HttpClientResponse answer, Buffer body) {
        return new Recorded(answer.statusCode(), answer.getHeader(HttpHeaders.CONTENT_TYPE), body);
    }

    private Call call(String path) {
        try {
            int id = Integer.parseInt(path.substring(1));
            return id >= 0 && id < calls.size() ? calls.get(id) : null;
        } catch (RuntimeException notOurs) {
            return null;
        }
    }

    private static boolean forWarmUp() {
        try {
            Optional<Boolean> flag = ContextLocals.get(FLAG);
            return flag.orElse(false);
        } catch (RuntimeException notOnARequestContext) {
            return false;
        }
    }
}
