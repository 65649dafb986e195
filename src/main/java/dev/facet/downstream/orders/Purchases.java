package dev.facet.downstream.orders;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.facet.errors.ErrorCode;
import dev.facet.errors.PublicError;
import dev.facet.shared.RedisGuard;
import dev.facet.shared.SharedStores;
import dev.facet.shared.StoreKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Which cart each idempotency key was first used for, per user and key. The orders service replays by key only: a
 * key sent again with another cart would "return" the first order and the client would believe it bought the second
 * cart. So Facet refuses that itself, before any call, with {@code IDEMPOTENCY_KEY_REUSED}.
 *
 * <p>A cart is its products and the quantity of each, whatever the order of its lines (the same purchase sent
 * again); it is remembered as a 64-bit fingerprint. Keys are kept in a Caffeine cache bounded by size and age, and,
 * when Redis is configured ({@code facet.orders.idempotency-keys.store}), in Redis too, so that a key reused through
 * another instance — a client retrying behind a load balancer — is caught as well: one Lua script claims a key for a
 * cart or answers the cart that holds it, in one step, so two instances claiming one key at once cannot both win.
 * While Redis does not answer within {@code facet.orders.idempotency-keys.redis-timeout}, this instance's own memory
 * decides alone (counted as {@code facet_redis_fallbacks_total{store="idempotency-keys"}}).
 */
@ApplicationScoped
class Purchases {

    static final String STORE = "idempotency-keys";

    /** KEYS[1]: the key; ARGV[1]: the cart; ARGV[2]: seconds to keep it. Answers the cart that holds the key. */
    static final String CLAIM = """
            local held = redis.call('GET', KEYS[1])
            if held then return held end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            return ARGV[1]
            """;

    /** KEYS[1]: the key; ARGV[1]: the cart: frees the key if, and only if, it still holds that cart. */
    static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final Cache<UUID, Long> carts;
    private final Redis redis;
    private final RedisGuard guard;
    private final StoreKeys keys;
    private final Duration timeout;
    private final long keepSeconds;

    @Inject
    Purchases(OrdersSettings settings, SharedStores stores) {
        this(settings, stores.shared("facet.orders.idempotency-keys.store", settings.idempotencyKeys().store())
                ? stores.redis() : null, stores.guard(), stores.keys());
    }

    /** With {@code redis} null, this instance's memory alone. */
    Purchases(OrdersSettings settings, Redis redis, RedisGuard guard, StoreKeys keys) {
        this.carts = Caffeine.newBuilder()
                .maximumSize(settings.idempotencyKeys().maxSize())
                .expireAfterWrite(settings.idempotencyKeys().expireAfter())
                .build();
        this.redis = redis;
        this.guard = guard;
        this.keys = keys;
        this.timeout = settings.idempotencyKeys().redisTimeout();
        this.keepSeconds = Math.max(1, settings.idempotencyKeys().expireAfter().toSeconds());
    }

    /** A key held for one cart. */
    record Claim(UUID key, long cart) {
    }

    /** Holds {@code key} for {@code lines}, or fails with {@code IDEMPOTENCY_KEY_REUSED} when it holds another cart. */
    Uni<Claim> claim(IdempotencyKey key, List<NewOrderDto.Line> lines) {
        long cart = fingerprint(lines);
        Long earlier = carts.asMap().putIfAbsent(key.id(), cart);
        if (earlier != null && earlier != cart) {
            return Uni.createFrom().failure(reused());
        }
        Claim claim = new Claim(key.id(), cart);
        if (redis == null) {
            return Uni.createFrom().item(claim);
        }
        String shared = keys.hashed(STORE, key.id().toString());
        return guard.call(STORE,
                () -> redis.send(Request.cmd(Command.EVAL).arg(CLAIM).arg(1).arg(shared).arg(cart).arg(keepSeconds))
                        .map(Purchases::cart),
                timeout, () -> Uni.createFrom().item(cart))
                .flatMap(held -> {
                    if (held == cart) {
                        return Uni.createFrom().item(claim);
                    }
                    if (earlier == null) {
                        carts.asMap().remove(key.id(), cart); // another instance holds it: this one never did
                    }
                    return Uni.createFrom().failure(reused());
                });
    }

    /** The order was definitely not placed: the key is free again, as the orders service forgets refused orders. */
    void release(Claim claim) {
        carts.asMap().remove(claim.key(), claim.cart());
        if (redis != null) {
            String shared = keys.hashed(STORE, claim.key().toString());
            guard.call(STORE, () -> redis.send(Request.cmd(Command.EVAL).arg(RELEASE).arg(1).arg(shared)
                    .arg(claim.cart())).replaceWithVoid(), timeout, () -> Uni.createFrom().voidItem())
                    .subscribe().with(done -> { }, failure -> { });
        }
    }

    private static PublicError reused() {
        return new PublicError(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "This idempotencyKey was already used for another cart: choose a new key for a new purchase");
    }

    private static long cart(Response held) {
        return held == null ? Long.MIN_VALUE : Long.parseLong(held.toString());
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
