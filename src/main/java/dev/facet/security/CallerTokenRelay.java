package dev.facet.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Forwards the caller's bearer token on every call to an internal service, so each service sees the same user the
 * gateway saw. An anonymous call, or one made outside a request, forwards nothing. (quarkus-rest-client-oidc-token-
 * propagation would do this, but it reads the CDI request scope, which a GraphQL request does not have; this is the
 * same idea in a few lines.)
 */
@ApplicationScoped
public class CallerTokenRelay implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        SecurityIdentity caller = CallerIdentity.current().orElse(null);
        if (caller == null || caller.isAnonymous()) {
            return;
        }
        AccessTokenCredential token = caller.getCredential(AccessTokenCredential.class);
        if (token != null && token.getToken() != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
