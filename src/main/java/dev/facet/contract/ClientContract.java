package dev.facet.contract;

import graphql.schema.GraphQLSchema;

/**
 * What one frontend is served: its schema, that schema printed as SDL, whether it may introspect it, and whether
 * it may send only its registered operations.
 */
public record ClientContract(String name, GraphQLSchema schema, String sdl, boolean introspection,
        boolean registeredOnly) {
}
