package dev.facet.execution;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The Vert.x context of the request being served: where its state lives (the caller, the deadline, the CDI request
 * scope) and where everything it does must run. The REST client answers each call on a context of its own, nested
 * in the one that made the call and seeing the same state; so "the request's context" is the outermost of a chain of
 * nested contexts, and code running anywhere in that chain is running for the request.
 */
public final class RequestContexts {

    private RequestContexts() {
    }

    /**
     * The request context of the current thread, or null outside a request: off Vert.x, or on an event loop's own
     * context, which every request of that thread shares.
     */
    public static Context current() {
        Context context = Vertx.currentContext();
        return context != null && VertxContext.isDuplicatedContext(context) ? outermost(context) : null;
    }

    /** Runs {@code next} now when the current thread runs for {@code request}, else on {@code request}'s context. */
    public static void resume(Context request, Runnable next) {
        if (request == null || current() == request) {
            next.run();
        } else {
            request.runOnContext(ignored -> next.run());
        }
    }

    private static Context outermost(Context context) {
        Context outer = context;
        for (Context parent = parent(context); parent != null; parent = parent(parent)) {
            outer = parent;
        }
        return outer;
    }

    private static Context parent(Context context) {
        return context == null ? null : context.getLocal(VertxContext.PARENT_CONTEXT);
    }
}
