/**
 * How documents run: one graphql-java engine per client ({@link dev.facet.execution.GraphQLEngine}) on the schema
 * SmallRye generated from the annotated resolvers, with Facet's own data fetchers ({@link
 * dev.facet.execution.ResolverWiring}) in place of SmallRye's. A field costs a method-handle call and nothing it
 * does not use, and a plain leaf (a scalar or enum behind a getter) is read and serialised in one step ({@link
 * dev.facet.execution.QueryStrategy}); batch fields are java-dataloader batches that graphql-java dispatches per
 * level; downstream reads are batched per event-loop turn ({@link dev.facet.execution.TickLoader}). Everything a
 * request does runs on its own Vert.x context.
 */
package dev.facet.execution;
