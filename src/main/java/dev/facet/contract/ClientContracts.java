package dev.facet.contract;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import dev.facet.execution.GraphQLEngine;
import dev.facet.execution.ResolverWiring;
import dev.facet.limits.DocumentLimits;
import dev.facet.limits.Limits;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Startup;
import io.smallrye.graphql.bootstrap.Bootstrap;
import io.smallrye.graphql.execution.SchemaPrinter;
import io.smallrye.graphql.schema.model.Schema;

/**
 * Builds every client's schema and engine once, at start-up, each schema from a fresh copy of the graph SmallRye
 * generated and wired to Facet's resolvers ({@link ResolverWiring}).
 * Unremovable and eager: if this bean were dropped (it is looked up from code only) every client would be served
 * the whole graph, so it must exist, and a graph it cannot project must stop the start.
 */
@Singleton
@Startup
@Unremovable
public class ClientContracts {

    private final Map<String, ClientContract> byName = new TreeMap<>();

    ClientContracts(Schema graph, ClientSettings settings, DocumentLimits documentLimits, ResolverWiring wiring) {
        SchemaPrinter printer = new SchemaPrinter();
        settings.clients().forEach((name, client) -> {
            GraphQLSchema schema = SchemaProjection.project(Bootstrap.bootstrap(graph, true), name)
                    .transform(builder -> builder.codeRegistry(wiring.registry()));
            byName.put(name, new ClientContract(name, schema, printer.print(schema), client.introspection(),
                    client.documents() == ClientSettings.Documents.REGISTERED_ONLY,
                    limits(documentLimits.defaults(), client.limits()),
                    GraphQLEngine.of(schema, client.introspection())));
        });
        if (byName.isEmpty()) {
            throw new IllegalStateException("No clients configured under facet.clients");
        }
    }

    private static Limits limits(Limits defaults, ClientSettings.ClientLimits own) {
        return new Limits(own.maxTokens().orElse(defaults.maxTokens()), own.maxDepth().orElse(defaults.maxDepth()),
                own.maxAliases().orElse(defaults.maxAliases()), own.maxRootFields().orElse(defaults.maxRootFields()),
                own.maxDirectives().orElse(defaults.maxDirectives()), own.maxCost().orElse(defaults.maxCost()),
                own.maxDownstreamCalls().orElse(defaults.maxDownstreamCalls()),
                own.maxInputListSize().orElse(defaults.maxInputListSize()));
    }

    public Optional<ClientContract> forClient(String name) {
        return Optional.ofNullable(name).map(byName::get);
    }

    public Map<String, ClientContract> all() {
        return Map.copyOf(byName);
    }
}
