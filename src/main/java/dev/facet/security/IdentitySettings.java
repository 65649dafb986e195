package dev.facet.security;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who a verified token says the caller is, under {@code facet.identity.…}. */
@ConfigMapping(prefix = "facet.identity")
public interface IdentitySettings {

    /**
     * The token claim that holds the shop's user id. Identity providers number their users their own way: Keycloak's
     * {@code sub} is a UUID it assigns, while its {@code preferred_username} is the login name, so with
     * {@code preferred_username} Keycloak user {@code u3} is shop user {@code u3}. A token without this claim is
     * still a valid token, but names no shop user.
     */
    @WithDefault("sub")
    String userIdClaim();

    /** What Facet remembers of the tokens it has verified. */
    VerifiedTokensSettings verifiedTokens();

    interface VerifiedTokensSettings {

        /**
         * How long a verified token is taken on trust without being verified again (never beyond its own expiry):
         * a key the identity provider withdraws, or a changed OIDC setting, holds for a token already seen for at
         * most this long. {@code 0s} verifies every request.
         */
        @WithDefault("60s")
        Duration maxAge();

        /**
         * The most memory the remembered identities may take (each weighed as its token's characters, twice, plus
         * {@link VerifiedTokens#IDENTITY_BYTES} for the identity and its claims); the least recently used go first.
         */
        @WithDefault("4M")
        MemorySize cacheSize();
    }
}
