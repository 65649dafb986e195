/**
 * Facet's adapters to the shop's internal REST services, one sub-package per service: a package-private REST
 * client interface, the DTOs of that service's contract, and a public service bean that is the only way the graph
 * talks to it. When a backend team moves, splits or renames a service, only its sub-package and configuration
 * change.
 *
 * <p>This package holds what every adapter shares: how patient Facet is with each service
 * ({@link dev.facet.downstream.DownstreamSettings}, applied by one {@link dev.facet.downstream.ServiceGuard} per
 * service around every call: the request's own turn, a bulkhead for reads and one for writes, one breaker, retries
 * within a budget), the request's deadline, the one reading of a failed call
 * ({@link dev.facet.downstream.ServiceFailure}), the bounded log of failed fields
 * ({@link dev.facet.downstream.FailureLog}), the chunking of id batches, and each service's REST client per event loop
 * ({@link dev.facet.downstream.EventLoopClients}), so a call's connection lives on the loop of the request that
 * makes it.
 */
package dev.facet.downstream;
