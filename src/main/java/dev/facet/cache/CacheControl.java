package dev.facet.cache;

import java.time.Duration;
import java.util.Locale;

/**
 * The service has the last word on how long its answer may be reused: Facet is a shared cache in HTTP's sense
 * (RFC 9111), so {@code private} answers — meant for one user — and {@code no-store} ones are never kept, nor
 * {@code no-cache} ones (Facet does not revalidate), and {@code s-maxage}, else {@code max-age}, caps the route's
 * TTL. An answer without the header is kept for the TTL the operator declared.
 */
final class CacheControl {

    private CacheControl() {
    }

    /** How long an answer that came with {@code header} (null when absent) may be kept, at most {@code ttl}. */
    static Duration keep(String header, Duration ttl) {
        if (header == null || header.isBlank()) {
            return ttl;
        }
        Long maxAge = null;
        Long sharedMaxAge = null;
        for (String directive : header.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = directive.trim().split("=", 2);
            String name = parts[0].trim();
            switch (name) {
                case "no-store", "private", "no-cache" -> {
                    return Duration.ZERO;
                }
                case "max-age" -> maxAge = seconds(parts);
                case "s-maxage" -> sharedMaxAge = seconds(parts);
                default -> {
                    // public, must-revalidate, immutable, …: nothing that shortens the TTL
                }
            }
        }
        Long cap = sharedMaxAge != null ? sharedMaxAge : maxAge;
        if (cap == null) {
            return ttl;
        }
        Duration capped = Duration.ofSeconds(Math.max(0, cap));
        return capped.compareTo(ttl) < 0 ? capped : ttl;
    }

    /** A delta-seconds value; one that does not parse is treated as 0 (RFC 9111 §4.2.1: stale). */
    private static Long seconds(String[] parts) {
        if (parts.length < 2) {
            return 0L;
        }
        try {
            return Long.parseLong(parts[1].trim().replace("\"", ""));
        } catch (NumberFormatException unreadable) {
            return 0L;
        }
    }
}
