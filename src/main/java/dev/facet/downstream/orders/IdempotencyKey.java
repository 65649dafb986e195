package dev.facet.downstream.orders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The key a purchase goes to the orders service with: the hex SHA-256 of the user's id and the key the client
 * chose, {@code userId + "\n" + key}. The client's key may hold any character (an HTTP header carries only
 * Latin-1, and the REST client turned every other character into '?', so that "ключ-1" and "шлюз-1" were one
 * purchase), and the orders service replays by key: the digest is safe in any header and keeps two users' keys
 * apart. The client's key has no control characters (Facet refuses them), so the last line break separates the two
 * parts unambiguously.
 *
 * @param header what the orders service gets as {@code Idempotency-Key}
 * @param id the first 128 bits of the same digest, as Facet remembers the key ({@link Purchases})
 */
record IdempotencyKey(String header, UUID id) {

    static IdempotencyKey of(String userId, String clientKey) {
        byte[] digest = sha256(userId + "\n" + clientKey);
        ByteBuffer bits = ByteBuffer.wrap(digest);
        return new IdempotencyKey(HexFormat.of().formatHex(digest), new UUID(bits.getLong(), bits.getLong()));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
