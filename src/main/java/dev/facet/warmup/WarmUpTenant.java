package dev.facet.warmup;

import jakarta.inject.Singleton;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;

/**
 * Which OIDC tenant verifies a request's token: the warm-up's own ({@link WarmUpTokens}) for the warm-up's requests
 * alone — those that prove its secret while it runs — and the configured one for every other request, always.
 */
@Singleton
class WarmUpTenant implements TenantResolver {

    private final WarmUp warmUp;

    WarmUpTenant(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public String resolve(RoutingContext context) {
        return warmUp.proves(context) ? WarmUpTokens.TENANT : null;
    }
}
