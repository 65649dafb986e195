package dev.facet.edge;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facet.contract.ClientContract;
import dev.facet.shared.SharedStores;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Whose bucket a request takes from: a signed-in user's own (the token's {@code sub}, whichever client), or for an
 * anonymous caller the one of its remote address, whatever client it names — so one noisy address does not starve
 * the others, and naming another client buys it nothing. Behind a proxy, set
 * {@code quarkus.http.proxy.proxy-address-forwarding=true} and {@code quarkus.http.proxy.trusted-proxies} so the
 * address is the caller's and only the proxy's forwarding headers are believed.
 *
 * <p>The buckets are this instance's own, or shared by all instances through Redis when it is configured
 * ({@code facet.rate-limit.store}); keys there hold no user id or address, only a keyed hash of them.
 */
@ApplicationScoped
class CallerQuota {

    private final RateLimits limits;
    private final RateLimiter limiter;

    private static final Uni<Duration> ALLOWED = Uni.createFrom().item(Duration.ZERO);

    CallerQuota(RateLimits limits, InProcessRateLimiter local, SharedStores stores) {
        this.limits = limits;
        this.limiter = limits.enabled() && stores.shared("facet.rate-limit.store", limits.store())
                ? new RedisRateLimiter(stores.redis(), stores.guard(), stores.keys(), limits.redisTimeout(), local)
                : local;
    }

    /** {@link Duration#ZERO} when the request may go on, else how long the caller should wait. */
    Uni<Duration> take(RoutingContext context, SecurityIdentity identity, ClientContract client) {
        if (!limits.enabled()) {
            return ALLOWED;
        }
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() != null) {
            return limiter.take("user:" + identity.getPrincipal().getName(), limits.user());
        }
        String address = context.request().remoteAddress() == null ? "unknown"
                : context.request().remoteAddress().host();
        // one bucket per address whatever client it claims: X-Client-Name is the caller's word, not an identity
        return limiter.take("anonymous:" + address, limits.anonymous());
    }
}
