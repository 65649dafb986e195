package dev.facet.security;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.vertx.ContextLocals;

/**
 * The verified caller of the request being served, kept in the request's Vert.x context. Downstream calls are
 * often made from callbacks (a batch leaving at the end of an event-loop turn, a retry after its backoff) where
 * the CDI request context may not be the request's own — and asking CDI for the identity there can block the
 * event loop. The Vert.x context travels with every such callback.
 */
public final class CallerIdentity {

    private static final String KEY = "facet.caller-identity";

    private CallerIdentity() {
    }

    /** Called by the edge once the caller is known, on the request's own context. */
    public static void remember(SecurityIdentity identity) {
        try {
            ContextLocals.put(KEY, identity);
        } catch (RuntimeException notOnARequestContext) {
            // not on a request's Vert.x context (e.g. a unit test): the relay falls back to CDI
        }
    }

    static Optional<SecurityIdentity> current() {
        try {
            return ContextLocals.get(KEY);
        } catch (RuntimeException notOnARequestContext) {
            return Optional.empty();
        }
    }
}
