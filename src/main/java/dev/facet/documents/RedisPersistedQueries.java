package dev.facet.documents;

import java.time.Duration;
import java.util.Optional;

import dev.facet.shared.RedisGuard;
import dev.facet.shared.StoreKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Persisted queries shared by every instance through Redis, under {@code facet:apq:<client>:<sha256>}, each for
 * {@code facet.persisted-queries.ttl} from its last registration (an expired one costs the client one more
 * registration, as Apollo's protocol expects) and none longer than {@code facet.persisted-queries.max-document-size}.
 * This instance's own store stays in front: a query it has seen costs no round trip, and while Redis is slow or away
 * it is all there is (a hash it has not seen is then {@code PersistedQueryNotFound}, and the client sends the text).
 *
 * <p>A text read from Redis is used only if it hashes to its key: whoever can write to Redis cannot make a hash stand
 * for another document. It is then prepared — parsed, limited, validated — like any text.
 */
public final class RedisPersistedQueries implements PersistedQueries {

    static final String STORE = "persisted-queries";

    private final Redis redis;
    private final RedisGuard guard;
    private final Duration timeout;
    private final long ttlSeconds;
    private final InProcessPersistedQueries local;

    /**
     * @param timeout how long a lookup or a registration waits for Redis before it goes on without it
     * @param local this instance's own store, in front of Redis
     */
    public RedisPersistedQueries(Redis redis, RedisGuard guard, Duration timeout, Duration ttl,
            InProcessPersistedQueries local) {
        this.redis = redis;
        this.guard = guard;
        this.timeout = timeout;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.local = local;
    }

    @Override
    public Uni<Optional<String>> find(String client, String hash) {
        Optional<String> known = local.get(client, hash);
        if (known.isPresent()) {
            return Uni.createFrom().item(known);
        }
        return guard.<Optional<String>>call(STORE, () -> redis.send(Request.cmd(Command.GET).arg(key(client, hash)))
                .map(found -> genuine(found, hash)), timeout, () -> Uni.createFrom().item(Optional.<String>empty()))
                .invoke(found -> found.ifPresent(text -> local.put(client, hash, text)));
    }

    @Override
    public Uni<Void> register(String client, String hash, String document) {
        local.put(client, hash, document);
        if (document.length() > local.maxDocumentSize()) {
            return Uni.createFrom().voidItem();
        }
        return guard.call(STORE, () -> redis.send(Request.cmd(Command.SET).arg(key(client, hash)).arg(document)
                        .arg("EX").arg(ttlSeconds)).replaceWithVoid(), timeout,
                () -> Uni.createFrom().voidItem());
    }

    private Optional<String> genuine(Response found, String hash) {
        if (found == null) {
            return Optional.empty();
        }
        String text = found.toString();
        return text.length() <= local.maxDocumentSize() && Sha256.of(text).equals(hash) ? Optional.of(text)
                : Optional.empty();
    }

    private static String key(String client, String hash) {
        return StoreKeys.plain("apq", client, hash);
    }
}
