package dev.facet.observability;

import java.util.Locale;

import graphql.language.OperationDefinition;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

/**
 * Names the GraphQL request on its span — the HTTP server span Quarkus opens for {@code /graphql}, already the
 * parent of every call to a service — with the attributes of OpenTelemetry's GraphQL conventions. The operation is
 * named as the metrics name it (a registered operation's name, else {@code unregistered}); never the document's
 * text or its variables, which may hold what a user typed.
 */
public final class GraphQLSpans {

    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("graphql.operation.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operation.type");
    static final AttributeKey<String> CLIENT = AttributeKey.stringKey("facet.client");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("facet.request_id");

    private GraphQLSpans() {
    }

    /** Puts the operation that is about to run, its type and client on the request's span. */
    public static void describe(RequestRecord record, OperationDefinition operation) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return;
        }
        span.setAttribute(OPERATION_NAME, record.operationTag());
        if (operation != null) {
            span.setAttribute(OPERATION_TYPE, operation.getOperation().name().toLowerCase(Locale.ROOT));
        }
        span.setAttribute(CLIENT, record.clientTag());
        span.setAttribute(REQUEST_ID, record.requestId());
    }
}
