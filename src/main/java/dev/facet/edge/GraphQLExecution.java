package dev.facet.edge;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.spi.JsonProvider;

import org.jboss.logging.Logger;

import dev.facet.security.CallerIdentity;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs a request that passed the edge on SmallRye GraphQL's engine and writes the answer in the negotiated format.
 * It does around the execution what SmallRye's own HTTP handler does — activates the request context, associates
 * the caller's identity, hands the context's state to the engine so async resolvers find it — and answers in
 * Facet's format: 4xx only for a request that could not run under {@code application/graphql-response+json},
 * never a 500 for data with errors.
 */
@ApplicationScoped
class GraphQLExecution {

    private static final Logger LOG = Logger.getLogger(GraphQLExecution.class);
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

    private final ExecutionService engine;
    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest currentRequest;

    GraphQLExecution(ExecutionService engine, CurrentIdentityAssociation identities,
            CurrentVertxRequest currentRequest) {
        this.engine = engine;
        this.identities = identities;
        this.currentRequest = currentRequest;
    }

    void run(RoutingContext context, SecurityIdentity identity, GraphQLRequest request, ResponseFormat format,
            Map<String, Object> extensions) {
        ManagedContext requestContext = Arc.container().requestContext();
        context.response()
                .endHandler(ignored -> terminate(requestContext))
                .closeHandler(ignored -> terminate(requestContext));
        if (!requestContext.isActive()) {
            requestContext.activate();
        }
        try {
            associate(context, identity);
            currentRequest.setCurrent(context);
            Map<String, Object> metadata = new ConcurrentHashMap<>();
            metadata.put("runBlocking", false);
            metadata.put("httpHeaders", headers(context.request().headers()));
            metadata.put("state", requestContext.getState());
            engine.executeAsync(input(request), metadata, new Answer(context, format, extensions));
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.deactivate();
        } catch (RuntimeException | Error failure) {
            terminate(requestContext);
            throw failure;
        }
    }

    /**
     * Makes {@code identity} the request's {@code SecurityIdentity}, for CDI and for the token relay
     * ({@link CallerIdentity}). Never leaves it to be resolved later where it can be known now: a bean that asks
     * for an unresolved identity blocks the event loop. No verified user and no credentials means anonymous.
     */
    private void associate(RoutingContext context, SecurityIdentity identity) {
        if (identity != null) {
            identities.setIdentity(identity);
            CallerIdentity.remember(identity);
        } else if (context.request().getHeader("Authorization") == null) {
            identities.setIdentity(ANONYMOUS);
            CallerIdentity.remember(ANONYMOUS);
        } else {
            identities.setIdentity(QuarkusHttpUser.getSecurityIdentity(context, null));
        }
    }

    private static void terminate(ManagedContext requestContext) {
        SmallRyeContextManager.clearCurrentSmallRyeContext();
        requestContext.terminate();
    }

    private static jakarta.json.JsonObject input(GraphQLRequest request) {
        JsonObject input = new JsonObject().put("query", request.query());
        if (request.operationName() != null) {
            input.put("operationName", request.operationName());
        }
        if (request.variables() != null) {
            input.put("variables", request.variables());
        }
        if (request.extensions() != null) {
            input.put("extensions", request.extensions());
        }
        try (var reader = JSON.createReader(new StringReader(input.encode()))) {
            return reader.readObject();
        }
    }

    private static Map<String, List<String>> headers(MultiMap headers) {
        Map<String, List<String>> copy = new HashMap<>();
        for (String name : headers.names()) {
            copy.put(name, headers.getAll(name));
        }
        return copy;
    }

    /** Writes what the engine answered; {@code extensions} (e.g. the cost asked for) are added to it. */
    private record Answer(RoutingContext context, ResponseFormat format, Map<String, Object> extensions)
            implements ExecutionResponseWriter {

        @Override
        public void write(ExecutionResponse response) {
            boolean ran = response.getExecutionResult().isDataPresent();
            String body = response.getExecutionResultAsString();
            if (!extensions.isEmpty()) {
                JsonObject result = new JsonObject(body);
                JsonObject merged = result.getJsonObject("extensions", new JsonObject());
                extensions.forEach(merged::put);
                body = result.put("extensions", merged).encode();
            }
            context.response().setStatusCode(format.status(!ran))
                    .putHeader("Content-Type", format.contentType())
                    .end(body);
        }

        @Override
        public void fail(Throwable failure) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(failure, "GraphQL execution failed (incident %s)", incident);
            if (!context.response().ended()) {
                EdgeAnswers.error(context, 500, format, "INTERNAL", "Internal error (incident " + incident + ")",
                        null);
            }
        }
    }
}
