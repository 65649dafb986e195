package dev.facet.edge;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.facet.contract.ClientContract;
import dev.facet.contract.ClientSelection;
import dev.facet.contract.RequestClient;
import dev.facet.downstream.RequestDeadline;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Everything a request to {@code /graphql} must pass before SmallRye GraphQL sees it: which client it speaks for
 * (refused with 400/403 when that cannot be decided), a body that is a JSON object, and a document that parses.
 * SmallRye answers an unparseable document with a bare "Unparseable input document" classified as a Java exception
 * category; clients get the syntax error's location and {@code GRAPHQL_PARSE_FAILED} instead. Parsing here costs
 * microseconds against the downstream calls the request will make. It also serves each client its own SDL at
 * {@code /graphql/schema.graphql} in place of SmallRye's whole graph.
 */
@ApplicationScoped
class GraphQLGate {

    // Quarkus runs authentication as a route of order -200; the gate must see the verified identity.
    private static final int ORDER = -50;

    private final ClientSelection clients;
    private final String graphqlPath;
    private final long maxBodyBytes;

    GraphQLGate(ClientSelection clients,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String path,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.clients = clients;
        this.graphqlPath = path.startsWith("/") ? path : "/" + path;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, graphqlPath + "/schema.graphql").order(ORDER)
                .handler(this::chooseClient)
                .handler(this::schema);
        router.route(graphqlPath).order(ORDER)
                .handler(this::chooseClient);
        router.post(graphqlPath).order(ORDER)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(this::checkDocument);
    }

    private void chooseClient(RoutingContext context) {
        RequestDeadline.markArrival(context);
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        ClientSelection.Choice choice = clients.choose(identity, context.request().getHeader(ClientSelection.HEADER));
        if (choice.refused()) {
            refuse(context, choice.status(), choice.message(), choice.code(), null);
            return;
        }
        RequestClient.set(context, choice.contract());
        context.next();
    }

    private void schema(RoutingContext context) {
        ClientContract contract = RequestClient.of(context);
        if (!contract.introspection()) {
            context.response().setStatusCode(404).end();
            return;
        }
        context.response().putHeader("Content-Type", "text/plain; charset=UTF-8").end(contract.sdl());
    }

    private void checkDocument(RoutingContext context) {
        String body = context.body() == null ? null : context.body().asString();
        if (body == null || body.isBlank()) {
            context.next();
            return;
        }
        JsonObject request;
        try {
            Object parsed = Json.decodeValue(body);
            if (!(parsed instanceof JsonObject object)) {
                refuse(context, 400, "The request body must be a JSON object", "BAD_REQUEST", null);
                return;
            }
            request = object;
        } catch (DecodeException notJson) {
            refuse(context, 400, "The request body is not valid JSON", "BAD_REQUEST", null);
            return;
        }
        if (!(request.getValue("query") instanceof String document)) {
            context.next();
            return;
        }
        try {
            Parser.parse(document);
            context.next();
        } catch (InvalidSyntaxException syntax) {
            Map<String, Object> location = syntax.getLocation() == null ? null
                    : Map.of("line", syntax.getLocation().getLine(), "column", syntax.getLocation().getColumn());
            refuse(context, 200, "Syntax error in the GraphQL document", "GRAPHQL_PARSE_FAILED", location);
        }
    }

    private static void refuse(RoutingContext context, int status, String message, String code,
            Map<String, Object> location) {
        JsonObject error = new JsonObject().put("message", message);
        if (location != null) {
            error.put("locations", List.of(location));
        }
        error.put("extensions", Map.of("code", code));
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }
}
