package dev.facet.security;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.vertx.ContextLocals;

/**
 * The verified caller of the request being served, kept in the request's Vert.x context. A GraphQL request has no
 * CDI request scope: everything it does — resolvers, batches leaving at the end of an event-loop turn, retries after
 * their backoff — runs on that context or one nested in it, which sees the same caller.
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
            // not on a request's Vert.x context: there is no caller to remember
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
