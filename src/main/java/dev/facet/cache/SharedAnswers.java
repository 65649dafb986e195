package dev.facet.cache;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.facet.shared.RedisGuard;
import dev.facet.shared.StoreKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The second level: public answers in Redis under {@code facet:cache:<service.route>:<id>}, each expiring when it
 * would here, so that what one instance fetched the others find without calling the service. Ids of public data
 * (products, categories) identify nobody: keys are plain. Every call goes through the {@link RedisGuard} with
 * {@code facet.cache.redis-timeout}: a slow or absent Redis is a miss (the service is asked, as without Redis) and a
 * store that cannot be made is skipped — counted as fallbacks of {@value #STORE}, an outage logged once.
 *
 * <p>A value holds its expiry time on the wall clock, so that an instance finding it keeps it only as long as it
 * has left. Whoever can write to Redis can plant answers here: Redis must be as private as the services are.
 */
final class SharedAnswers {

    static final String STORE = "public-data";

    private final Redis redis;
    private final RedisGuard guard;
    private final Duration timeout;

    /** A value found in Redis: its JSON and how long it has left. */
    record Found(String json, long keepNanos) {
    }

    SharedAnswers(Redis redis, RedisGuard guard, Duration timeout) {
        this.redis = redis;
        this.guard = guard;
        this.timeout = timeout;
    }

    /** The answers Redis holds among {@code keys}; none when it cannot say in time. */
    Uni<Map<CacheKey, Found>> find(List<CacheKey> keys) {
        Request get = Request.cmd(Command.MGET);
        keys.forEach(key -> get.arg(key(key)));
        return guard.<Map<CacheKey, Found>>call(STORE, () -> redis.send(get).map(values -> found(keys, values)),
                timeout, () -> Uni.createFrom().item(Map.of()));
    }

    /** Stores {@code json} for {@code keepNanos}, without waiting: the answer is not held back for it. */
    void store(CacheKey key, String json, long keepNanos) {
        long millis = keepNanos / 1_000_000;
        if (millis < 1) {
            return;
        }
        String value = (System.currentTimeMillis() + millis) + "|" + json;
        guard.<Void>call(STORE, () -> redis.send(Request.cmd(Command.SET).arg(key(key)).arg(value).arg("PX")
                        .arg(millis)).replaceWithVoid(), timeout, () -> Uni.createFrom().voidItem())
                .subscribe().with(ignored -> { }, ignored -> { });
    }

    private static Map<CacheKey, Found> found(List<CacheKey> keys, Response values) {
        Map<CacheKey, Found> found = new HashMap<>();
        if (values == null) {
            return found;
        }
        long now = System.currentTimeMillis();
        for (int i = 0; i < keys.size() && i < values.size(); i++) {
            Response value = values.get(i);
            if (value == null) {
                continue;
            }
            String text = value.toString();
            int bar = text.indexOf('|');
            if (bar < 1) {
                continue;
            }
            try {
                long left = Long.parseLong(text.substring(0, bar)) - now;
                if (left > 0) {
                    found.put(keys.get(i), new Found(text.substring(bar + 1), left * 1_000_000));
                }
            } catch (NumberFormatException notOurs) {
                // not a value this store wrote: a miss
            }
        }
        return found;
    }

    static String key(CacheKey key) {
        return StoreKeys.plain("cache", key.route(), key.id());
    }
}
