package dev.facet.edge;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers a POST whose GraphQL document does not parse, or whose body is not a JSON object, before SmallRye sees
 * it. SmallRye answers those with a bare "Unparseable input document" classified as a Java exception category;
 * clients get the syntax error's location and the code {@code GRAPHQL_PARSE_FAILED} instead. Parsing here costs
 * microseconds against the downstream calls the request will make.
 */
@ApplicationScoped
class UnparseableDocuments {

    private final String graphqlPath;
    private final long maxBodyBytes;

    UnparseableDocuments(
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String path,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.graphqlPath = path.startsWith("/") ? path : "/" + path;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.post(graphqlPath).order(-100)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(this::check);
    }

    private void check(RoutingContext context) {
        String body = context.body() == null ? null : context.body().asString();
        if (body == null || body.isBlank()) {
            context.next();
            return;
        }
        JsonObject request;
        try {
            Object parsed = Json.decodeValue(body);
            if (!(parsed instanceof JsonObject object)) {
                refuse(context, "The request body must be a JSON object", "BAD_REQUEST", null);
                return;
            }
            request = object;
        } catch (DecodeException notJson) {
            refuse(context, "The request body is not valid JSON", "BAD_REQUEST", null);
            return;
        }
        Object query = request.getValue("query");
        if (!(query instanceof String document)) {
            context.next();
            return;
        }
        try {
            Parser.parse(document);
            context.next();
        } catch (InvalidSyntaxException syntax) {
            Map<String, Object> location = syntax.getLocation() == null ? null
                    : Map.of("line", syntax.getLocation().getLine(), "column", syntax.getLocation().getColumn());
            refuse(context, "Syntax error in the GraphQL document", "GRAPHQL_PARSE_FAILED", location);
        }
    }

    private static void refuse(RoutingContext context, String message, String code, Map<String, Object> location) {
        JsonObject error = new JsonObject().put("message", message);
        if (location != null) {
            error.put("locations", List.of(location));
        }
        error.put("extensions", Map.of("code", code));
        int status = "BAD_REQUEST".equals(code) ? 400 : 200;
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }
}
