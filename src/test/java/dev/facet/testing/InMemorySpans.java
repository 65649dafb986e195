package dev.facet.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Catches the spans Facet exports, so the trace tests read them instead of an OTLP receiver. Quarkus exports to
 * every {@link io.opentelemetry.sdk.trace.export.SpanExporter} bean; this one keeps what it gets in memory — only
 * under {@link TracedProfile}: in every other test it would keep every span of the whole run in the application's
 * heap, and its batch processor would cost every call of timing-sensitive tests.
 */
public class InMemorySpans {

    /** The property {@link TracedProfile} sets. */
    public static final String ENABLED = "facet.testing.spans-in-memory";

    @Produces
    @Singleton
    @LookupIfProperty(name = ENABLED, stringValue = "true")
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
