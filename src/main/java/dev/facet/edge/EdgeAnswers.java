package dev.facet.edge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.facet.errors.ErrorCode;
import dev.facet.observability.RequestRecord;
import graphql.language.SourceLocation;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Facet's answer to a request it refuses before running it: one error with a public code, no data. */
final class EdgeAnswers {

    private EdgeAnswers() {
    }

    static void error(RoutingContext context, int status, ResponseFormat format, ErrorCode code, String message,
            SourceLocation location) {
        JsonObject error = new JsonObject().put("message", message);
        if (location != null) {
            error.put("locations", List.of(Map.of("line", location.getLine(), "column", location.getColumn())));
        }
        RequestRecord record = RequestRecord.of(context);
        if (record == null) {
            error.put("extensions", Map.of("code", code.name()));
        } else {
            record.refused(code.name());
            error.put("extensions", Map.of("code", code.name(), "requestId", record.requestId()));
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", (format == null ? ResponseFormat.JSON : format).contentType())
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }

    /** Answers errors already in their public form (e.g. a document's validation errors), without data. */
    static void errors(RoutingContext context, int status, ResponseFormat format, List<Map<String, Object>> errors) {
        RequestRecord record = RequestRecord.of(context);
        if (record != null) {
            for (String code : withRequestId(errors, record.requestId())) {
                record.refused(code);
            }
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", format.contentType())
                .end(Json.encodeToBuffer(Map.of("errors", errors)));
    }

    /**
     * Adds the request id to each error's {@code extensions}, beside its code (and the incident id its message
     * names, if any), and says which public codes the errors have.
     */
    @SuppressWarnings("unchecked")
    static List<String> withRequestId(List<Map<String, Object>> errors, String requestId) {
        List<String> codes = new ArrayList<>(errors.size());
        for (Map<String, Object> error : errors) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (error.get("extensions") instanceof Map<?, ?> known) {
                extensions.putAll((Map<String, Object>) known);
            }
            extensions.put("requestId", requestId);
            error.put("extensions", extensions);
            if (extensions.get("code") instanceof String code) {
                codes.add(code);
            }
        }
        return codes;
    }
}
