package dev.facet.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names keys in Redis: all under {@code facet:}, and an identifying part — a user's id, a caller's address — only as
 * a keyed hash, so whoever can read Redis learns no user id, token or address. Keyed (HMAC-SHA256), not a bare
 * SHA-256: the space of IPv4 addresses and of short user ids is small enough to hash through, and a secret the
 * instances share ({@code facet.redis.key-secret}) puts the keys out of reach of such a table.
 */
public final class StoreKeys {

    /** Used when the operator sets no secret: it still keeps raw ids out of keys, though not out of a dictionary. */
    static final String DEFAULT_SECRET = "facet-shared-store-keys";

    private final SecretKeySpec secret;

    public StoreKeys(String secret) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** {@code facet:<space>:<hash of id>}. */
    public String hashed(String space, String id) {
        return "facet:" + space + ":" + hash(id);
    }

    /** {@code facet:<space>:<parts…>} for parts that identify nobody (a client's name, a document's hash). */
    public static String plain(String space, String... parts) {
        return "facet:" + space + ":" + String.join(":", parts);
    }

    private String hash(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            // 128 bits are plenty to keep callers' buckets apart, and keep keys short
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
