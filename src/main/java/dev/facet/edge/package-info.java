/**
 * Facet's HTTP edge: the {@code /graphql} endpoint itself. It speaks GraphQL over HTTP (media types, status codes, GET
 * for queries), refuses what a hostile request could make it do — cross-site simple requests, oversized bodies,
 * connections past a bound, callers past their rate limit, documents past the limits — before any work, and runs the
 * rest on its client's engine, answering in Facet's own error shape, serialised once. Rate-limit buckets are this
 * instance's, or shared by all instances through Redis ({@link dev.facet.edge.RateLimiter}); the gate never waits for
 * one on the event loop, it goes on when the decision comes.
 */
package dev.facet.edge;
