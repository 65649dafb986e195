package dev.facet.security;

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
}
