package dev.facet.edge;

import java.time.Duration;

import dev.facet.shared.RedisGuard;
import dev.facet.shared.StoreKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Token buckets in Redis, shared by every instance: a user's limit holds whichever instance their requests reach.
 * The same bucket as {@link InProcessRateLimiter}'s (capacity, refilled evenly over the period), computed by one Lua
 * script in one round trip, on Redis's clock, so instances with drifting clocks still agree. A bucket's key is
 * {@code facet:rate-limit:<keyed hash of the caller>} and expires once it would be full again.
 *
 * <p>Why not Bucket4j's Redis integration: its proxy managers need a client of their own (Lettuce, Jedis or
 * Redisson) beside the Quarkus one — a second connection pool, event loop and reconnect policy for one command — and
 * its compare-and-swap needs a read and a conditional write, retried under contention, where a script decides in
 * one step. The fixed-window alternative (INCR + PEXPIRE) is one step too, but lets twice the limit through around a
 * window's edge and would differ from the in-process bucket that decides while Redis is away.
 */
public final class RedisRateLimiter implements RateLimiter {

    static final String STORE = "rate-limit";

    /** KEYS[1]: the bucket; ARGV[1]: capacity; ARGV[2]: the period to refill it, in microseconds. */
    static final String TOKEN_BUCKET = """
            if redis.replicate_commands then redis.replicate_commands() end
            local capacity = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = capacity
            if state[1] and state[2] then
              local elapsed = math.max(0, now - tonumber(state[2]))
              tokens = math.min(capacity, tonumber(state[1]) + elapsed * capacity / period)
            end
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) * period / capacity)
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%.0f', now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(period / 1000) + 1000)
            return wait
            """;

    private final Redis redis;
    private final RedisGuard guard;
    private final StoreKeys keys;
    private final Duration timeout;
    private final RateLimiter fallback;

    /**
     * @param timeout how long a decision may wait for Redis before {@code fallback} makes it
     * @param fallback this instance's own buckets
     */
    public RedisRateLimiter(Redis redis, RedisGuard guard, StoreKeys keys, Duration timeout, RateLimiter fallback) {
        this.redis = redis;
        this.guard = guard;
        this.keys = keys;
        this.timeout = timeout;
        this.fallback = fallback;
    }

    @Override
    public Uni<Duration> take(String key, RateLimits.Bucket bucket) {
        String bucketKey = keys.hashed(STORE, key);
        long periodMicros = Math.max(1, bucket.period().toNanos() / 1000);
        return guard.call(STORE, () -> redis.send(Request.cmd(Command.EVAL).arg(TOKEN_BUCKET).arg(1).arg(bucketKey)
                        .arg(bucket.capacity()).arg(periodMicros))
                .map(RedisRateLimiter::micros), timeout, () -> fallback.take(key, bucket));
    }

    private static Duration micros(Response wait) {
        return Duration.ofNanos(wait.toLong() * 1000);
    }
}
