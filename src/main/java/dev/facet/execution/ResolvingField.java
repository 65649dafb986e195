package dev.facet.execution;

import graphql.schema.DataFetchingEnvironment;

/**
 * The field whose resolver is running right now, for the resolver to look below itself ({@code graph.Lookahead}).
 * Set only for the synchronous call of a single-field resolver: that is when a resolver decides which of its
 * children's calls to start early. SmallRye builds a whole per-field context for this; Facet's resolvers need only
 * the environment.
 */
public final class ResolvingField {

    private static final ThreadLocal<DataFetchingEnvironment> CURRENT = new ThreadLocal<>();

    private ResolvingField() {
    }

    /** The environment of the field being resolved, or null outside a resolver's synchronous call. */
    public static DataFetchingEnvironment current() {
        return CURRENT.get();
    }

    static DataFetchingEnvironment enter(DataFetchingEnvironment environment) {
        DataFetchingEnvironment outer = CURRENT.get();
        CURRENT.set(environment);
        return outer;
    }

    static void leave(DataFetchingEnvironment outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
