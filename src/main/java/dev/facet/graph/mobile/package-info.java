/**
 * The mobile app's own types: small, display-ready payloads, one round trip per screen. They never reference the
 * web's {@code Product}, {@code Order} or {@code User}, so the mobile schema can evolve without touching the web's.
 */
package dev.facet.graph.mobile;
