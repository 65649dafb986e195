package dev.facet.contract;

import dev.facet.execution.GraphQLEngine;
import dev.facet.limits.Limits;
import graphql.schema.GraphQLSchema;

/**
 * What one frontend is served: its schema, that schema printed as SDL, whether it may introspect it, whether it
 * may send only its registered operations, the limits its documents are held to, and the engine that runs them.
 */
public record ClientContract(String name, GraphQLSchema schema, String sdl, boolean introspection,
        boolean registeredOnly, Limits limits, GraphQLEngine engine) {
}
