package dev.facet.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Every call to Redis goes through here: it gets a few milliseconds, and what does not answer in time — or fails —
 * is decided by the store's in-process fallback instead, so a slow or absent Redis costs a request at most that
 * bound and never an error. A failure — or answers late for a whole retry interval, none in time — opens an
 * outage: it is logged once, Redis is left alone for
 * {@code facet.redis.retry-interval} (so an outage does not cost every request the bound), then tried again; the
 * first answer closes the outage, logged once too. Each fallback is counted per store ({@link #fallbacks}), to be
 * published as a metric once Facet has a metrics registry.
 *
 * <p>The answer is delivered on the caller's Vert.x context, whichever thread Redis or the timer answered on: the
 * edge goes on with the request there as if the decision had been made in place. Hand-written rather than SmallRye
 * Fault Tolerance (which guards the services): its annotations work on CDI beans' methods, while the stores here are
 * also started outside CDI (a second instance in the tests), and the fallback must be per call, not per method.
 */
public final class RedisGuard {

    private static final Logger LOG = Logger.getLogger(RedisGuard.class);

    private final long retryNanos;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long retryAt;
    /** When the calls began to answer late (System.nanoTime, never 0), or 0 while the last one answered in time. */
    private final AtomicLong lateSince = new AtomicLong();
    private final Map<String, AtomicLong> fallbacks = new ConcurrentHashMap<>();
    private final AtomicLong outages = new AtomicLong();

    public RedisGuard(Duration retryInterval) {
        this.retryNanos = retryInterval.toNanos();
    }

    /**
     * @param store names the store in the log and the counter
     * @param redis the call to Redis
     * @param timeout how long Redis may take before {@code fallback} decides
     * @param fallback what decides when Redis cannot
     */
    public <T> Uni<T> call(String store, Supplier<Uni<T>> redis, Duration timeout, Supplier<Uni<T>> fallback) {
        if (down.get() && System.nanoTime() - retryAt < 0) {
            return fellBack(store, fallback);
        }
        Context caller = Vertx.currentContext();
        Uni<T> guarded = Uni.createFrom().<T>deferred(redis::get)
                .ifNoItem().after(timeout).fail()
                .onItem().invoke(this::reached)
                .onFailure().recoverWithUni(failure -> {
                    failed(store, failure);
                    return fellBack(store, fallback);
                });
        return caller == null ? guarded : guarded.emitOn(task -> {
            if (Vertx.currentContext() == caller) {
                task.run();
            } else {
                caller.runOnContext(ignored -> task.run());
            }
        });
    }

    /** How many of {@code store}'s decisions were made without Redis since start-up. */
    public long fallbacks(String store) {
        AtomicLong count = fallbacks.get(store);
        return count == null ? 0 : count.get();
    }

    /** How many outages began since start-up: each was logged once, however many requests it touched. */
    public long outages() {
        return outages.get();
    }

    /** Whether the last call found Redis unreachable or slow. */
    public boolean outage() {
        return down.get();
    }

    void failed(String store, Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            // A late answer is a busy moment (a saturated event loop, a GC pause, a fresh JVM's first call), not an
            // outage, until the answers have been late for a whole retry interval: this call alone is decided
            // in-process. Leaving Redis alone for the retry interval would decide a whole second in-process for one
            // slow answer.
            long now = System.nanoTime() | 1;
            if (lateSince.compareAndSet(0, now)) {
                return;
            }
            long since = lateSince.get();
            if (since == 0 || now - since < retryNanos) {
                return;
            }
        }
        retryAt = System.nanoTime() + retryNanos;
        if (down.compareAndSet(false, true)) {
            outages.incrementAndGet();
            LOG.warnf("Redis failed or was too slow for %s (%s): rate limits are per instance, persisted queries and "
                    + "cached public data local until it answers again; trying again every %d ms", store, failure.toString(),
                    retryNanos / 1_000_000);
        }
    }

    private void reached(Object ignored) {
        lateSince.set(0);
        if (down.compareAndSet(true, false)) {
            LOG.infof("Redis answers again: shared rate limits, persisted queries and public data resumed");
        }
    }

    private <T> Uni<T> fellBack(String store, Supplier<Uni<T>> fallback) {
        fallbacks.computeIfAbsent(store, ignored -> new AtomicLong()).incrementAndGet();
        return fallback.get();
    }
}
