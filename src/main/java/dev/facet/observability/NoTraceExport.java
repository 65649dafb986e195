package dev.facet.observability;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Where spans go when no OTLP endpoint is configured: nowhere. Quarkus would otherwise export to
 * {@code localhost:4317} and log every failed batch; with a {@link SpanExporter} bean in sight it builds no OTLP
 * exporter at all (and {@link UnexportedSpans} drops the batch processor the SDK puts around this one). The SDK
 * stays on, so spans are still made and {@code traceparent} still reaches the services, whose own traces join the
 * caller's.
 *
 * <p>"Not configured" is read as the endpoint being Quarkus's default, {@value #QUARKUS_DEFAULT}: Quarkus registers
 * it as a default value of {@code quarkus.otel.exporter.otlp.endpoint} (to which {@code .traces.endpoint} falls
 * back), so an unset endpoint cannot be told apart from that one. A collector on the same host is reached by
 * another spelling, e.g. {@code http://127.0.0.1:4317} (README "Traces").
 */
@Singleton
@Unremovable // only looked up, by Quarkus's OpenTelemetry set-up: no injection point keeps it
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = NoTraceExport.QUARKUS_DEFAULT,
        lookupIfMissing = true)
class NoTraceExport implements SpanExporter {

    static final String QUARKUS_DEFAULT = "http://localhost:4317/";

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
