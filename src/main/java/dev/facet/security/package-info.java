/**
 * Who is calling: the signed-in user verified by quarkus-oidc (the token's {@code facet.identity.user-id-claim},
 * {@code sub} unless configured), and the relay of the caller's bearer token to the internal services, which may
 * make their own decisions with it.
 */
package dev.facet.security;
