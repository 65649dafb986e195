package dev.facet.edge;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facet.contract.ClientContract;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Whose bucket a request takes from: a signed-in user's own (the token's {@code sub}, whichever client), or for an
 * anonymous caller the one of its client and remote address — so one noisy address does not starve the others.
 * Behind a proxy, set {@code quarkus.http.proxy.proxy-address-forwarding=true} so the address is the caller's.
 */
@ApplicationScoped
class CallerQuota {

    private final RateLimits limits;
    private final RateLimiter limiter;

    CallerQuota(RateLimits limits, RateLimiter limiter) {
        this.limits = limits;
        this.limiter = limiter;
    }

    /** {@link Duration#ZERO} when the request may go on, else how long the caller should wait. */
    Duration take(RoutingContext context, SecurityIdentity identity, ClientContract client) {
        if (!limits.enabled()) {
            return Duration.ZERO;
        }
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() != null) {
            return limiter.take("user:" + identity.getPrincipal().getName(), limits.user());
        }
        String address = context.request().remoteAddress() == null ? "unknown"
                : context.request().remoteAddress().host();
        return limiter.take("anonymous:" + client.name() + ":" + address, limits.anonymous());
    }
}
