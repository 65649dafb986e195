/**
 * The shop graph: the types the frontends query and the resolvers that compose them from the internal services.
 * Types are designed for the frontends, not copied from service DTOs. Fields served by another service than their
 * parent's are nullable, so one service's failure costs only its own fields. Resolvers return {@code Uni}, batch
 * with {@code @Source List} so each service is called once per query level, and share one
 * {@link dev.facet.graph.ShopLoaders} per request so work started early is never done twice.
 */
package dev.facet.graph;
