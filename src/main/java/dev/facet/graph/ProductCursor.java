package dev.facet.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.facet.errors.PublicError;

/**
 * A position in a category: "after the first {@code skip} products of the catalog page that starts at
 * {@code catalogCursor}" (null: the category's first page). Clients see it only as an opaque string, so the
 * catalog's own cursor format can change without any client noticing.
 */
record ProductCursor(String catalogCursor, int skip) {

    private static final String VERSION = "v1";
    static final ProductCursor START = new ProductCursor(null, 0);

    String encode() {
        String plain = VERSION + ":" + skip + ":" + (catalogCursor == null ? "" : catalogCursor);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ProductCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            int skip = Integer.parseInt(parts[1]);
            if (skip < 0) {
                throw invalid();
            }
            return new ProductCursor(parts[2].isEmpty() ? null : parts[2], skip);
        } catch (IllegalArgumentException malformed) {
            throw invalid();
        }
    }

    private static PublicError invalid() {
        return PublicError.badInput("after is not a cursor this API gave out");
    }
}
