package dev.facet.edge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.facet.contract.ClientContract;
import dev.facet.contract.ClientSelection;
import dev.facet.documents.DocumentSource;
import dev.facet.documents.PreparedDocument;
import dev.facet.downstream.RequestDeadline;
import dev.facet.errors.DocumentErrors;
import dev.facet.errors.ErrorCode;
import dev.facet.limits.DocumentLimits;
import dev.facet.limits.DocumentRefused;
import dev.facet.limits.QueryCost;
import dev.facet.limits.QueryLimits;
import dev.facet.observability.GraphQLMetrics;
import dev.facet.observability.RequestRecord;
import dev.facet.warmup.WarmUp;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Facet's {@code /graphql} endpoint: every request passes here, in this order, and
 * is refused at the first step it fails — before anything is parsed that need not be, and before any service is
 * called.
 * <ol>
 * <li>room: at most {@code facet.limits.max-in-flight} requests in progress, else 503 ({@link InFlightLimit});</li>
 * <li>method: GET (queries only) or POST, else 405;</li>
 * <li>answer format from Accept (406 when neither GraphQL media type is acceptable);</li>
 * <li>a POST body must be {@code application/json} — a form, {@code text/plain} or multipart body is refused with
 * 415 unread, so a cross-site "simple request" can never run an operation — and no larger than the body limit
 * (413);</li>
 * <li>which client it speaks for (400/403), and whether the caller has requests left (429,
 * {@link CallerQuota});</li>
 * <li>parameters of the right types (a JSON object, a string query or a persisted query's hash; no batches);</li>
 * <li>a document the client may send ({@link DocumentSource}: registered, persisted, or any text unless the client
 * is registered-only) that parses within the token limit, is not a mutation over GET, stays within the depth,
 * alias, root-field, directive and cost limits of {@link dev.facet.limits.QueryLimits}, and validates against the
 * client's schema — all of it learnt once per document and remembered ({@link PreparedDocument});</li>
 * <li>then the client's engine runs it ({@link GraphQLExecution}): a query in its turn, at most
 * {@code facet.limits.max-executing-queries} at once ({@link ExecutingQueries}), a mutation at once.</li>
 * </ol>
 * It also serves each client its own SDL at {@code /graphql/schema.graphql} in place of SmallRye's whole graph.
 */
@ApplicationScoped
class GraphQLGate {

    // Quarkus runs authentication as a route of order -200; the gate must see the verified identity.
    private static final int ORDER = -50;

    private final ClientSelection clients;
    private final DocumentSource documents;
    private final DocumentLimits limits;
    private final GraphQLExecution execution;
    private final CallerQuota quota;
    private final WarmUp warmUp;
    private final GraphQLMetrics metrics;
    private final InFlightLimit inFlight;
    private final ExecutingQueries executing;
    private final String graphqlPath;
    private final long maxBodyBytes;
    private final GraphQLRequest.Reader json;

    GraphQLGate(ClientSelection clients, DocumentSource documents, DocumentLimits limits, GraphQLExecution execution,
            CallerQuota quota, WarmUp warmUp, GraphQLMetrics metrics, InFlightLimit inFlight,
            ExecutingQueries executing, QueryLimits queryLimits,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String path,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.clients = clients;
        this.documents = documents;
        this.limits = limits;
        this.execution = execution;
        this.quota = quota;
        this.warmUp = warmUp;
        this.metrics = metrics;
        this.inFlight = inFlight;
        this.executing = executing;
        this.graphqlPath = path.startsWith("/") ? path : "/" + path;
        this.maxBodyBytes = maxBody.asLongValue();
        this.json = new GraphQLRequest.Reader(queryLimits.maxBodyTokens());
    }

    void install(@Observes Router router) {
        // A presented token that is not valid fails the request in Quarkus's proactive authentication, before any
        // of the gate's handlers runs; its failure comes here first.
        router.route(graphqlPath).order(Integer.MIN_VALUE).failureHandler(this::unauthenticated);
        router.route(HttpMethod.GET, graphqlPath + "/schema.graphql").order(ORDER)
                .handler(this::schema);
        // Two routes: what the first refuses, nobody reads the body of.
        router.route(graphqlPath).order(ORDER)
                .handler(this::begin);
        router.route(graphqlPath).order(ORDER + 1)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(this::serve)
                .failureHandler(this::failed);
    }

    private void begin(RoutingContext context) {
        endCdiRequestScope();
        RequestDeadline.markArrival();
        RequestRecord record = metrics.begin(context);
        secure(context.response());
        if (!inFlight.admit(context)) {
            return;
        }
        HttpMethod method = context.request().method();
        if (method == HttpMethod.OPTIONS) {
            context.response().putHeader("Allow", "GET, POST, OPTIONS").setStatusCode(204).end();
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            context.response().putHeader("Allow", "GET, POST");
            EdgeAnswers.error(context, 405, null, ErrorCode.METHOD_NOT_ALLOWED, "Use GET or POST", null);
            return;
        }
        Optional<ResponseFormat> format = ResponseFormat.negotiate(context.request().getHeader("Accept"));
        if (format.isEmpty()) {
            EdgeAnswers.error(context, 406, null, ErrorCode.NOT_ACCEPTABLE,
                    "Accept application/graphql-response+json or application/json", null);
            return;
        }
        context.put(ResponseFormat.class.getName(), format.get());
        if (method == HttpMethod.POST && !isJson(context.request().headers().getAll("Content-Type"))) {
            EdgeAnswers.error(context, 415, format.get(), ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request as application/json", null);
            return;
        }
        boolean warmingUp = warmUp.admits(context);
        if (warmingUp) {
            record.warmUp();
        }
        // the warm-up's signed-in requests carry tokens Quarkus OIDC verified, as every caller's (WarmUpTokens)
        SecurityIdentity identity = identity(context);
        context.put(SecurityIdentity.class.getName(), identity);
        ClientSelection.Choice choice = clients.choose(identity, context.request().getHeader(ClientSelection.HEADER));
        if (choice.refused()) {
            EdgeAnswers.error(context, choice.status(), format.get(), choice.code(), choice.message(), null);
            return;
        }
        context.put(ClientContract.class.getName(), choice.contract());
        record.client(choice.contract());
        if (warmingUp) {
            context.next();
            return;
        }
        // decided in place in memory; with Redis, when it answers (on this request's context) or its bound expires
        quota.take(context, identity, choice.contract()).subscribe()
                .with(wait -> admit(context, format.get(), wait), context::fail);
    }

    private void admit(RoutingContext context, ResponseFormat format, Duration wait) {
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            context.response().putHeader("Retry-After", String.valueOf(seconds));
            EdgeAnswers.error(context, 429, format, ErrorCode.RATE_LIMITED,
                    "Too many requests; try again in " + seconds + " s", null);
            return;
        }
        context.next();
    }

    private void serve(RoutingContext context) {
        if (!InFlightLimit.bodyArrived(context)) {
            return;
        }
        ResponseFormat format = context.get(ResponseFormat.class.getName());
        ClientContract contract = context.get(ClientContract.class.getName());

        boolean get = context.request().method() == HttpMethod.GET;
        GraphQLRequest request;
        try {
            request = get ? GraphQLRequest.fromQueryString(context, json)
                    : GraphQLRequest.fromBody(context.body().buffer(), json);
        } catch (GraphQLRequest.Invalid invalid) {
            EdgeAnswers.error(context, invalid.parseFailure ? 400 : format.status(true), format, ErrorCode.BAD_REQUEST,
                    invalid.getMessage(), null);
            return;
        }
        // a persisted query's text may come from Redis: the rest goes on when it does (in place for all else)
        documents.find(contract, request.query(), request.persistedQueryHash()).subscribe()
                .with(document -> failing(context, () -> serve(context, format, contract, request, get, document)),
                        failure -> refused(context, format, failure));
    }

    private void serve(RoutingContext context, ResponseFormat format, ClientContract contract, GraphQLRequest request,
            boolean get, PreparedDocument document) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        OperationDefinition operation;
        try {
            RequestRecord.of(context).document(document, request.operationName());
            operation = document.operation(request.operationName());
            if (get && operation != null && operation.getOperation() != OperationDefinition.Operation.QUERY) {
                // a mutation or subscription would change state or hold a connection: never over GET
                context.response().putHeader("Allow", "POST");
                EdgeAnswers.error(context, 405, format, ErrorCode.METHOD_NOT_ALLOWED,
                        "Only queries may be sent with GET; send mutations with POST", null);
                return;
            }
            limits.checkShape(document.shape(request.operationName()), contract.limits());
            limits.checkVariables(request.variableValues(), contract.limits());
            QueryCost.Estimate estimate = document.estimate(request.operationName(), request.variableValues());
            limits.checkCost(estimate, contract.limits());
            if (request.asksFor("cost")) {
                extensions.put("cost", Map.of("requested", estimate.cost(), "limit", contract.limits().maxCost(),
                        "downstreamCalls", estimate.calls(), "downstreamCallLimit",
                        contract.limits().maxDownstreamCalls()));
            }
        } catch (DocumentRefused refused) {
            refused(context, format, refused);
            return;
        }
        List<ValidationError> invalid = document.validationErrors();
        if (!invalid.isEmpty()) {
            EdgeAnswers.errors(context, format.status(true), format, DocumentErrors.toSpecification(invalid));
            return;
        }
        SecurityIdentity identity = context.get(SecurityIdentity.class.getName());
        Runnable execute = () -> failing(context,
                () -> execution.run(context, identity, contract, document, request, format, extensions));
        Runnable inTurn = operation != null && operation.getOperation() == OperationDefinition.Operation.MUTATION
                ? execute // writes never wait behind reads (ExecutingQueries)
                : () -> executing.run(context, format, execute);
        if (request.query() == null) {
            inTurn.run();
            return;
        }
        // stored before the answer, so the client's next request by hash finds it, on any instance
        documents.register(contract, request.persistedQueryHash(), document).subscribe()
                .with(stored -> inTurn.run(), context::fail);
    }

    /** What a continuation throws fails the request, as it would have in the router's own call. */
    private static void failing(RoutingContext context, Runnable continuation) {
        try {
            continuation.run();
        } catch (RuntimeException failure) {
            context.fail(failure);
        }
    }

    private static void refused(RoutingContext context, ResponseFormat format, Throwable failure) {
        if (!(failure instanceof DocumentRefused refused)) {
            context.fail(failure);
            return;
        }
        // Apollo's clients expect a missing persisted query as a 200, whatever they accept.
        int status = refused.code() == ErrorCode.PERSISTED_QUERY_NOT_FOUND ? 200 : format.status(true);
        EdgeAnswers.error(context, status, format, refused.code(), refused.getMessage(), refused.location());
    }

    private void schema(RoutingContext context) {
        secure(context.response());
        ClientSelection.Choice choice = clients.choose(identity(context),
                context.request().getHeader(ClientSelection.HEADER));
        if (choice.refused()) {
            EdgeAnswers.error(context, choice.status(), null, choice.code(), choice.message(), null);
            return;
        }
        if (!choice.contract().introspection()) {
            context.response().setStatusCode(404).end();
            return;
        }
        context.response().putHeader("Content-Type", "text/plain; charset=UTF-8").end(choice.contract().sdl());
    }

    private void unauthenticated(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
            context.next();
            return;
        }
        metrics.begin(context);
        secure(context.response());
        context.response().putHeader("WWW-Authenticate", "Bearer");
        ResponseFormat format = ResponseFormat.negotiate(context.request().getHeader("Accept")).orElse(ResponseFormat.JSON);
        EdgeAnswers.error(context, 401, format, ErrorCode.UNAUTHENTICATED, "The bearer token is not valid: sign in again",
                null);
    }

    private void failed(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        ResponseFormat format = context.get(ResponseFormat.class.getName());
        if (context.statusCode() == 413) {
            EdgeAnswers.error(context, 413, format, ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBodyBytes + " bytes", null);
        } else if (context.statusCode() >= 400 && context.statusCode() < 500) {
            EdgeAnswers.error(context, context.statusCode(), format, ErrorCode.BAD_REQUEST, "The request was refused",
                    null);
        } else {
            context.next();
        }
    }

    /**
     * SmallRye GraphQL's WebSocket handler runs before the gate on every request to this path, and opens a CDI
     * request scope on the request's Vert.x context before it passes a plain HTTP request on. A GraphQL request has no
     * use for one ({@link GraphQLExecution}); left open, it would be copied into the context of every downstream call,
     * and the REST client would look for a Quarkus REST request's headers on each of them.
     */
    private static void endCdiRequestScope() {
        ManagedContext scope = Arc.container().requestContext();
        if (scope.isActive()) {
            scope.terminate();
        }
    }

    private static SecurityIdentity identity(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    /**
     * Whether a POST body is JSON: every member of the Content-Type — its lines joined, as HTTP reads a repeated
     * header — is {@code application/json}, with a UTF-8 charset if any. GraphiQL (the GraphQL UI) sends
     * {@code application/json, application/json}, its own header and the page's set twice; no cross-site simple
     * request can send that (only a form type or {@code text/plain} goes without a CORS preflight), so it is no CSRF
     * risk. Anything else — a form type, {@code text/plain}, a JSON member beside any other, an empty member — is
     * refused. Hand-written because Vert.x and Netty parse one media type, not a list of them.
     */
    static boolean isJson(List<String> contentTypes) {
        if (contentTypes.isEmpty()) {
            return false;
        }
        for (String line : contentTypes) {
            for (String member : line.split(",", -1)) {
                if (!isJsonMediaType(member)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isJsonMediaType(String mediaType) {
        String[] parts = mediaType.split(";", -1);
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset") && parameter.length == 2
                    && !parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT).equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** Answers from /graphql are data for one caller: never cached, sniffed, framed or sent as a referrer. */
    private static void secure(HttpServerResponse response) {
        response.putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}
