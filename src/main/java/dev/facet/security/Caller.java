package dev.facet.security;

import java.security.Principal;
import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.facet.errors.PublicError;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user of the current request, if any. quarkus-oidc has already refused any token that is presented
 * but invalid, so an identity here is a verified one. It is read from the request's Vert.x context, where the edge
 * put it ({@link CallerIdentity}): a GraphQL request runs without a CDI request scope.
 *
 * <p>The user is the token's {@code facet.identity.user-id-claim} ({@link IdentitySettings}), never a fallback: a
 * token that lacks the claim names nobody, so user fields answer {@code UNAUTHENTICATED} rather than serve whoever
 * another claim happens to name.
 */
@Singleton
public class Caller {

    private final String userIdClaim;

    Caller(IdentitySettings settings) {
        this.userIdClaim = settings.userIdClaim();
    }

    /** The user id (the token's user-id claim), or empty for an anonymous caller or a token without that claim. */
    public Optional<String> userId() {
        Optional<SecurityIdentity> identity = CallerIdentity.current();
        if (identity.isEmpty() || identity.get().isAnonymous()) {
            return Optional.empty();
        }
        return userIdOf(identity.get().getPrincipal()).filter(id -> !id.isBlank());
    }

    /** The user id, or an {@code UNAUTHENTICATED} error for fields that exist only for a signed-in user. */
    public String requireUserId() {
        return userId().orElseThrow(PublicError::unauthenticated);
    }

    private Optional<String> userIdOf(Principal principal) {
        if (principal instanceof JsonWebToken token) {
            Object claim = token.getClaim(userIdClaim);
            if (claim instanceof JsonString json) {
                return Optional.of(json.getString());
            }
            // a number, an object or an array is no user id the shop's services would know
            return claim instanceof String id ? Optional.of(id) : Optional.empty();
        }
        // an identity Facet made itself (the warm-up's) carries the user id as its name
        return principal == null ? Optional.empty() : Optional.ofNullable(principal.getName());
    }
}
