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
    private static final int MAX_CATALOG_CURSOR = 200;
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
            // Facet gives out skips within one page, and catalog cursors of the catalog's own short form: anything
            // else is forged, and must never reach the catalog as a negative or oversized limit
            if (skip < 0 || skip > First.MAX || parts[2].length() > MAX_CATALOG_CURSOR
                    || !parts[2].chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
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
