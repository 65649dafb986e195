/**
 * Warming up before readiness: Facet sends itself its registered operations at start-up, replaying the services'
 * first answers, so that an instance that reports ready is already fast.
 */
package dev.facet.warmup;
