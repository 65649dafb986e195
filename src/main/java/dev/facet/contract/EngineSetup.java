package dev.facet.contract;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.facet.errors.DocumentErrors;
import dev.facet.errors.PublicErrorHandler;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;

/**
 * Puts Facet's parts into the GraphQL engine SmallRye builds: the caller's schema and a per-client document cache
 * (this package), and the public error model ({@code dev.facet.errors}). SmallRye fires this CDI event
 * ({@code quarkus.smallrye-graphql.events.enabled}) after it configured the builder, so ours win. A CDI observer
 * rather than a {@code ServiceLoader} service, because SmallRye keeps service instances across dev-mode restarts
 * and a stale one no longer recognises the application's classes.
 */
@ApplicationScoped
class EngineSetup {

    void customise(@Observes GraphQL.Builder builder) {
        // First the handler: build() below fixes the execution strategies with whatever handler is set by then.
        builder.defaultDataFetcherExceptionHandler(new PublicErrorHandler());
        // SmallRye's instrumentation must keep running: read it from a throwaway engine and chain ours in front.
        Instrumentation smallrye = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(
                List.of(new ContractInstrumentation(), new DocumentErrors(), smallrye)))
                .preparsedDocumentProvider(new ClientDocuments());
    }
}
