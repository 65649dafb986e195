/**
 * What the tests stand on: the shop's six services as one real HTTP server (WireMock) answering with the shop's
 * deterministic data, and an identity provider whose tokens are really signed and whose JWKS Facet really fetches.
 */
package dev.facet.testing;
