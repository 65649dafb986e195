package dev.facet.contract;

import graphql.schema.GraphQLSchema;

/** What one frontend is served: its schema, that schema printed as SDL, and whether it may introspect it. */
public record ClientContract(String name, GraphQLSchema schema, String sdl, boolean introspection) {
}
