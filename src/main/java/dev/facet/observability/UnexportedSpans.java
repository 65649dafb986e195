package dev.facet.observability;

import java.util.List;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.opentelemetry.runtime.AutoConfiguredOpenTelemetrySdkBuilderCustomizer;

/**
 * Drops an ended span at once when nothing would export it. The SDK's autoconfiguration puts a
 * {@link BatchSpanProcessor} around the application's {@link SpanExporter} beans, even when the only one is
 * {@link NoTraceExport} (no endpoint configured) or there is none (OTLP, which Quarkus adds by itself, configured):
 * every ended span would then be queued, copied for export by the processor's thread and thrown away — measured
 * as a large part of what tracing cost a request. Here that processor is replaced by none; spans are still made,
 * and still propagate {@code traceparent}, and Quarkus's own OTLP processor, when there is one, is untouched.
 */
@Singleton
@Unremovable // only looked up, by Quarkus's OpenTelemetry set-up: no injection point keeps it
class UnexportedSpans implements AutoConfiguredOpenTelemetrySdkBuilderCustomizer {

    private static final SpanExporter NO_EXPORTER = SpanExporter.composite(List.of());

    @Override
    public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addSpanProcessorCustomizer((processor, config) -> {
            if (processor instanceof BatchSpanProcessor batch && exportsNothing(batch.getSpanExporter())) {
                batch.shutdown(); // its worker thread started with it
                return SpanProcessor.composite(List.of());
            }
            return processor;
        });
    }

    private static boolean exportsNothing(SpanExporter exporter) {
        return exporter instanceof NoTraceExport || exporter == NO_EXPORTER;
    }
}
