package dev.facet.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Catches the spans Facet exports, so the trace tests read them instead of an OTLP receiver. Quarkus exports to
 * every {@link io.opentelemetry.sdk.trace.export.SpanExporter} bean; this one keeps what it gets in memory.
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
