package dev.facet.edge;

import java.util.List;
import java.util.Map;

import dev.facet.errors.ErrorCode;
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
        error.put("extensions", Map.of("code", code.name()));
        context.response().setStatusCode(status)
                .putHeader("Content-Type", (format == null ? ResponseFormat.JSON : format).contentType())
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }

    /** Answers errors already in their public form (e.g. a document's validation errors), without data. */
    static void errors(RoutingContext context, int status, ResponseFormat format, List<Map<String, Object>> errors) {
        context.response().setStatusCode(status)
                .putHeader("Content-Type", format.contentType())
                .end(Json.encodeToBuffer(Map.of("errors", errors)));
    }
}
