package dev.facet.edge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.facet.contract.ClientContract;
import dev.facet.documents.PreparedDocument;
import dev.facet.errors.DocumentErrors;
import dev.facet.errors.ErrorCode;
import dev.facet.observability.GraphQLSpans;
import dev.facet.observability.RequestRecord;
import dev.facet.security.CallerIdentity;
import graphql.ExecutionResult;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs a request that passed the edge on its client's engine and writes the answer in the negotiated format,
 * serialised once, straight from graphql-java's result to the response's bytes: 4xx only for a request that could
 * not run under {@code application/graphql-response+json}, never a 500 for data with errors.
 *
 * <p>The request's state — its caller, its deadline, its reads — lives in the request's own Vert.x context, where
 * every resolver, batch and callback of the request runs. There is no CDI request scope: nothing on the request path
 * needs one, and with one active every REST client call would look for the headers of a Quarkus REST request.
 */
@ApplicationScoped
class GraphQLExecution {

    private static final Logger LOG = Logger.getLogger(GraphQLExecution.class);
    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

    void run(RoutingContext context, SecurityIdentity identity, ClientContract contract, PreparedDocument document,
            GraphQLRequest request, ResponseFormat format, Map<String, Object> extensions) {
        // quarkus-oidc verified the token before the edge ran: no identity means an anonymous caller
        CallerIdentity.remember(identity != null ? identity : ANONYMOUS);
        RequestRecord record = RequestRecord.of(context);
        if (record != null) {
            GraphQLSpans.describe(record, document.operation(request.operationName()));
        }
        contract.engine().execute(document.text(), document.entry(), request.operationName(),
                request.variableValues())
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        write(context, format, result, extensions);
                    } else {
                        fail(context, format, failure);
                    }
                });
    }

    /** The answer as the spec orders it — errors, data, extensions — with Facet's extensions (the cost) added. */
    private static void write(RoutingContext context, ResponseFormat format, ExecutionResult result,
            Map<String, Object> extensions) {
        Map<String, Object> answer = new LinkedHashMap<>(4);
        RequestRecord record = RequestRecord.of(context);
        List<String> codes = List.of();
        if (!result.getErrors().isEmpty()) {
            List<Map<String, Object>> errors = DocumentErrors.toSpecification(result.getErrors());
            if (record != null) {
                codes = EdgeAnswers.withRequestId(errors, record.requestId());
            }
            answer.put("errors", errors);
        }
        if (record != null) {
            record.executed(result.isDataPresent(), codes);
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
            EdgeAnswers.error(context, 500, format, ErrorCode.INTERNAL, "Internal error (incident " + incident + ")", null);
        }
    }
}
