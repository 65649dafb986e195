package dev.facet.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facet.errors.PublicError;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user of the current request, if any. quarkus-oidc has already refused any token that is presented
 * but invalid, so an identity here is a verified one.
 */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The user id (the token's {@code sub}), or empty for an anonymous caller. */
    public Optional<String> userId() {
        if (identity.isAnonymous() || identity.getPrincipal() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getPrincipal().getName()).filter(name -> !name.isBlank());
    }

    /** The user id, or an {@code UNAUTHENTICATED} error for fields that exist only for a signed-in user. */
    public String requireUserId() {
        return userId().orElseThrow(PublicError::unauthenticated);
    }
}
