/**
 * What several Facet instances share through Redis, when an operator sets {@code quarkus.redis.hosts}: the
 * rate-limit buckets ({@code dev.facet.edge}) and the persisted queries ({@code dev.facet.documents}). Redis is an
 * optimisation of limits, never a dependency of answers: every call to it is bounded in time and falls back to this
 * instance's own store ({@link dev.facet.shared.RedisGuard}), an outage is logged once and counted, and Redis is used
 * again as soon as it answers. Without {@code quarkus.redis.hosts}, nothing here runs and every store is in-process.
 */
package dev.facet.shared;
