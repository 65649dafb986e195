package dev.facet.downstream.orders;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.facet.errors.ErrorCode;
import dev.facet.errors.PublicError;

/**
 * Which cart each idempotency key was first used for, per user and key. The orders service replays by key only: a
 * key sent again with another cart would "return" the first order and the client would believe it bought the second
 * cart. So Facet refuses that itself, before any call, with {@code IDEMPOTENCY_KEY_REUSED}.
 *
 * <p>A cart is its products and the quantity of each, whatever the order of its lines (the same purchase sent
 * again); it is remembered as a 64-bit fingerprint. Keys are kept in a Caffeine cache bounded by size and age:
 * per instance, so a reuse that reaches two instances is caught only by the orders service (shared storage comes
 * with Redis).
 */
@ApplicationScoped
class Purchases {

    private final Cache<UUID, Long> carts;

    Purchases(OrdersSettings settings) {
        this.carts = Caffeine.newBuilder()
                .maximumSize(settings.idempotencyKeys().maxSize())
                .expireAfterWrite(settings.idempotencyKeys().expireAfter())
                .build();
    }

    /** A key held for one cart. */
    record Claim(UUID key, long cart) {
    }

    /** Holds {@code key} for {@code lines}, or refuses when it already holds another cart. */
    Claim claim(IdempotencyKey key, List<NewOrderDto.Line> lines) {
        long cart = fingerprint(lines);
        Long earlier = carts.asMap().putIfAbsent(key.id(), cart);
        if (earlier != null && earlier != cart) {
            throw new PublicError(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This idempotencyKey was already used for another cart: choose a new key for a new purchase");
        }
        return new Claim(key.id(), cart);
    }

    /** The order was definitely not placed: the key is free again, as the orders service forgets refused orders. */
    void release(Claim claim) {
        carts.asMap().remove(claim.key(), claim.cart());
    }

    private static long fingerprint(List<NewOrderDto.Line> lines) {
        Map<String, Integer> quantities = new TreeMap<>();
        for (NewOrderDto.Line line : lines) {
            quantities.merge(line.productId(), line.quantity(), Integer::sum);
        }
        StringBuilder cart = new StringBuilder();
        quantities.forEach((product, quantity) -> cart.append(product).append(' ').append(quantity).append('\n'));
        return ByteBuffer.wrap(IdempotencyKey.sha256(cart.toString())).getLong();
    }
}
