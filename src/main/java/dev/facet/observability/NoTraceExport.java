package dev.facet.observability;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Where spans go when no OTLP endpoint is configured: nowhere. Quarkus would otherwise export to
 * {@code localhost:4317} and log every failed batch; with a {@link SpanExporter} bean in sight it builds no OTLP
 * exporter at all. The SDK stays on, so spans are still made and {@code traceparent} still reaches the services,
 * whose own traces join the caller's. {@code facet.traces.exported} is derived from the endpoint settings
 * (application.properties), never set by hand.
 */
@Singleton
@LookupIfProperty(name = "facet.traces.exported", stringValue = "false", lookupIfMissing = true)
class NoTraceExport implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
