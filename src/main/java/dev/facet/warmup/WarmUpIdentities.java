package dev.facet.warmup;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/** Counts the warm-up's signed-in requests whose token Quarkus OIDC verified with the warm-up's tenant. */
@ApplicationScoped
class WarmUpIdentities implements SecurityIdentityAugmentor {

    /** Quarkus OIDC names the tenant that verified a token in this attribute ({@code OidcUtils.TENANT_ID_ATTRIBUTE}). */
    private static final String TENANT_ID = "tenant-id";

    private final AtomicInteger verified = new AtomicInteger();

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (WarmUpTokens.TENANT.equals(identity.getAttribute(TENANT_ID))) {
            verified.incrementAndGet();
        }
        return Uni.createFrom().item(identity);
    }

    int verified() {
        return verified.get();
    }
}
