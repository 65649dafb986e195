package dev.facet.security;

import java.util.Optional;

import jakarta.inject.Singleton;

import dev.facet.errors.PublicError;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user of the current request, if any. quarkus-oidc has already refused any token that is presented
 * but invalid, so an identity here is a verified one. It is read from the request's Vert.x context, where the edge
 * put it ({@link CallerIdentity}): a GraphQL request runs without a CDI request scope.
 */
@Singleton
public class Caller {

    /** The user id (the token's {@code sub}), or empty for an anonymous caller. */
    public Optional<String> userId() {
        Optional<SecurityIdentity> identity = CallerIdentity.current();
        if (identity.isEmpty() || identity.get().isAnonymous() || identity.get().getPrincipal() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.get().getPrincipal().getName()).filter(name -> !name.isBlank());
    }

    /** The user id, or an {@code UNAUTHENTICATED} error for fields that exist only for a signed-in user. */
    public String requireUserId() {
        return userId().orElseThrow(PublicError::unauthenticated);
    }
}
