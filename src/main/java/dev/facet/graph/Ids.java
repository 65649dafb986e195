package dev.facet.graph;

import java.util.regex.Pattern;

import dev.facet.errors.PublicError;

/**
 * Ids are opaque to clients, but they travel into the services' URLs: only URL-safe ids that cannot climb a path
 * ({@code ..}) are passed on. Anything else is the client's mistake and never costs a downstream call.
 */
public final class Ids {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,127}");

    private Ids() {
    }

    public static String check(String id, String argument) {
        if (id == null || !SAFE.matcher(id).matches()) {
            throw PublicError.badInput(argument + " is not a valid id");
        }
        return id;
    }
}
