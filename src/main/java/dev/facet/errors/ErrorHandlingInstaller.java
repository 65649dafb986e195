package dev.facet.errors;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;

/**
 * Installs Facet's error model into the GraphQL engine SmallRye builds: {@link PublicErrorHandler} for resolver
 * failures and {@link DocumentErrors} for errors about the document. SmallRye fires this CDI event
 * ({@code quarkus.smallrye-graphql.events.enabled}) after it set its own handler and instrumentation, so ours
 * win. A CDI observer rather than a {@code ServiceLoader} service, because SmallRye keeps service instances across
 * dev-mode restarts and a stale handler would no longer recognise the application's exceptions.
 */
@ApplicationScoped
class ErrorHandlingInstaller {

    void install(@Observes GraphQL.Builder builder) {
        // First the handler: build() below fixes the execution strategies with whatever handler is set by then.
        builder.defaultDataFetcherExceptionHandler(new PublicErrorHandler());
        // SmallRye's instrumentation (its document cache among others) must keep running: read it from a
        // throwaway engine and chain ours in front of it.
        Instrumentation smallrye = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(new DocumentErrors(), smallrye)));
    }
}
