package dev.facet.graph;

import dev.facet.errors.PublicError;

/** The bounds of every {@code first} argument: a client may ask for 1 to {@value #MAX} items at a time. */
public final class First {

    public static final int MAX = 100;

    private First() {
    }

    /** {@code first}, or {@code fallback} when the client sent an explicit null. */
    public static int check(Integer first, int fallback) {
        if (first == null) {
            return fallback;
        }
        if (first < 1 || first > MAX) {
            throw PublicError.badInput("first must be between 1 and " + MAX + ", was " + first);
        }
        return first;
    }
}
