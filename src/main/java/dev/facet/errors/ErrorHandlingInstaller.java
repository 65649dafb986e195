package dev.facet.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.GraphQL;

/**
 * Installs {@link PublicErrorHandler} into the GraphQL engine SmallRye builds. SmallRye fires this CDI event
 * ({@code quarkus.smallrye-graphql.events.enabled}) after it set its own handler, so ours wins. A CDI observer
 * rather than a {@code ServiceLoader} service, because SmallRye keeps service instances across dev-mode restarts
 * and a stale handler would no longer recognise the application's exceptions.
 */
@ApplicationScoped
class ErrorHandlingInstaller {

    void install(@Observes GraphQL.Builder builder) {
        builder.defaultDataFetcherExceptionHandler(new PublicErrorHandler());
    }
}
