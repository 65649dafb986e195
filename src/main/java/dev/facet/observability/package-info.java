/**
 * What an operator sees of Facet: Prometheus metrics on {@code /q/metrics} (management port), request ids in logs,
 * answers and errors, and the GraphQL request's span. Every label value comes from configuration or the schema — a
 * client's name, a registered operation's name, a public error code, a service, a schema coordinate — never from what
 * a caller sent, so no request can create a new time series.
 *
 * <p>A request's sample is recorded in one place, when its response ends ({@link GraphQLMetrics}); the edge and the
 * execution only write down what they learnt on the request's {@link RequestRecord}. Calls to services are timed per
 * attempt ({@link DownstreamMetrics}).
 *
 * <p>Spans are Quarkus's (the HTTP server span, the REST client's per attempt); Facet only names the operation on
 * the request's ({@link GraphQLSpans}) and, with no OTLP endpoint, sees that nothing exports them nor queues them
 * for export ({@link NoTraceExport}, {@link UnexportedSpans}).
 */
package dev.facet.observability;
