package dev.facet.shared;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Whether a store is shared and through what: Redis when {@code quarkus.redis.hosts} is set (unless the store's own
 * {@code …store=memory} keeps it in-process), else nothing — the Redis client is then never created. Connects at
 * start-up, so the shared limit holds from the first request; a Redis that is not there then is an outage like any
 * other, and Facet starts all the same.
 */
@ApplicationScoped
public class SharedStores {

    private static final Logger LOG = Logger.getLogger(SharedStores.class);

    private final boolean configured;
    private final Instance<Redis> redis;
    private final RedisGuard guard;
    private final StoreKeys keys;

    SharedStores(@ConfigProperty(name = "quarkus.redis.hosts") Optional<String> hosts,
            @ConfigProperty(name = "facet.redis.retry-interval", defaultValue = "1s") Duration retryInterval,
            @ConfigProperty(name = "facet.redis.key-secret") Optional<String> keySecret, Instance<Redis> redis) {
        this.configured = hosts.filter(value -> !value.isBlank()).isPresent();
        this.redis = redis;
        this.guard = new RedisGuard(retryInterval);
        this.keys = new StoreKeys(keySecret.orElse(StoreKeys.DEFAULT_SECRET));
    }

    /**
     * @param property the store's switch, e.g. {@code facet.rate-limit.store}
     * @param asked its value, if the operator set one
     * @return whether the store lives in Redis
     */
    public boolean shared(String property, Optional<Store> asked) {
        Store store = asked.orElse(configured ? Store.REDIS : Store.MEMORY);
        if (store == Store.REDIS && !configured) {
            throw new IllegalStateException(property + "=redis needs quarkus.redis.hosts");
        }
        return store == Store.REDIS;
    }

    public Redis redis() {
        return redis.get();
    }

    public RedisGuard guard() {
        return guard;
    }

    public StoreKeys keys() {
        return keys;
    }

    void connect(@Observes StartupEvent started) {
        if (!configured) {
            return;
        }
        try {
            redis().send(Request.cmd(Command.PING)).await().atMost(Duration.ofSeconds(2));
            LOG.info("Redis answers: rate limits and persisted queries are shared with the other instances");
        } catch (RuntimeException unreachable) {
            guard.failed("start-up", unreachable);
        }
    }
}
