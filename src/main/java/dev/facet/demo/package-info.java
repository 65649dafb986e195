/**
 * Dev-only stand-ins for the shop's six internal REST services (accounts, catalog,
 * inventory, reviews, orders, recommendations), following the shop contract: same paths,
 * parameters, status codes, error bodies and deterministic data as the real services.
 *
 * <p>The JAX-RS resources here are only built when {@code facet.demo.enabled=true} at build
 * time (the dev profile sets it), so they never end up in a production build unless someone
 * enables them explicitly. Tests reuse the same classes outside CDI by instantiating them
 * directly, which is why they have no injected state.
 *
 * <p>Other dev-only stand-ins the gateway needs in dev mode, such as {@link
 * dev.facet.demo.DemoIdentityProvider}, live here under the same build condition.
 *
 * <p>These classes deliberately share nothing with the gateway's own DTOs: they play the
 * other teams' services, and a shared class would hide contract drift.
 */
package dev.facet.demo;
