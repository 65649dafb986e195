package dev.facet.contract;

import graphql.ExecutionInput;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Carries the client chosen at the HTTP edge to the GraphQL engine: the edge stores it on the request, the engine
 * reads it from there once and keeps it in the execution's context.
 */
public final class RequestClient {

    static final String KEY = "facet.client";

    private RequestClient() {
    }

    /** Called by the edge once the client is decided. */
    public static void set(RoutingContext request, ClientContract contract) {
        request.put(KEY, contract);
    }

    public static ClientContract of(RoutingContext request) {
        return request.get(KEY);
    }

    /** The contract of the execution, or null when the edge decided none (then nothing may be served). */
    static ClientContract of(ExecutionInput input) {
        ClientContract known = input.getGraphQLContext().get(KEY);
        if (known != null) {
            return known;
        }
        try (InstanceHandle<CurrentVertxRequest> current = Arc.container().instance(CurrentVertxRequest.class)) {
            RoutingContext request = current.isAvailable() ? current.get().getCurrent() : null;
            ClientContract contract = request == null ? null : of(request);
            if (contract != null) {
                input.getGraphQLContext().put(KEY, contract);
            }
            return contract;
        } catch (RuntimeException noRequest) {
            return null;
        }
    }
}
