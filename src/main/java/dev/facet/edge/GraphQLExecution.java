package dev.facet.edge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.facet.contract.ClientContract;
import dev.facet.documents.PreparedDocument;
import dev.facet.errors.DocumentErrors;
import dev.facet.security.CallerIdentity;
import graphql.ExecutionResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs a request that passed the edge on its client's engine and writes the answer in the negotiated format,
 * serialised once, straight from graphql-java's result to the response's bytes: 4xx only for a request that could
 * not run under {@code application/graphql-response+json}, never a 500 for data with errors.
 *
 * <p>The request's CDI request scope is activated once, on the request's own Vert.x context, where Quarkus keeps
 * it: every resolver, batch and callback of the request runs on that context and finds it there. It is destroyed
 * when the answer has been written.
 */
@ApplicationScoped
class GraphQLExecution {

    private static final Logger LOG = Logger.getLogger(GraphQLExecution.class);
    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

    private final CurrentIdentityAssociation identities;

    GraphQLExecution(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    void run(RoutingContext context, SecurityIdentity identity, ClientContract contract, PreparedDocument document,
            GraphQLRequest request, ResponseFormat format, Map<String, Object> extensions) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            requestContext.activate();
        }
        ContextState state = requestContext.getState();
        try {
            associate(context, identity);
            contract.engine().execute(document.text(), document.entry(), request.operationName(),
                    request.variableValues())
                    .whenComplete((result, failure) -> {
                        try {
                            if (failure == null) {
                                write(context, format, result, extensions);
                            } else {
                                fail(context, format, failure);
                            }
                        } finally {
                            requestContext.destroy(state);
                        }
                    });
        } catch (RuntimeException | Error failure) {
            requestContext.destroy(state);
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

    /** The answer as the spec orders it — errors, data, extensions — with Facet's extensions (the cost) added. */
    private static void write(RoutingContext context, ResponseFormat format, ExecutionResult result,
            Map<String, Object> extensions) {
        Map<String, Object> answer = new LinkedHashMap<>(4);
        if (!result.getErrors().isEmpty()) {
            answer.put("errors", DocumentErrors.toSpecification(result.getErrors()));
        }
        if (result.isDataPresent()) {
            answer.put("data", result.getData());
        }
        if (result.getExtensions() != null || !extensions.isEmpty()) {
            Map<Object, Object> all = new LinkedHashMap<>();
            if (result.getExtensions() != null) {
                all.putAll(result.getExtensions());
            }
            all.putAll(extensions);
            answer.put("extensions", all);
        }
        context.response().setStatusCode(format.status(!result.isDataPresent()))
                .putHeader("Content-Type", format.contentType())
                .end(Json.encodeToBuffer(answer));
    }

    private static void fail(RoutingContext context, ResponseFormat format, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "GraphQL execution failed (incident %s)", incident);
        if (!context.response().ended()) {
            EdgeAnswers.error(context, 500, format, "INTERNAL", "Internal error (incident " + incident + ")", null);
        }
    }
}
