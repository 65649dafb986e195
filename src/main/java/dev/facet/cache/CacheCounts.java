package dev.facet.cache;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one public route's cache did since start-up, for a metrics binder to read: answers asked for (one per id), of
 * which missed here (a load: Redis, else the service), joined while in flight (coalesced), and found in Redis.
 */
public final class CacheCounts {

    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    private final AtomicLong sharedHits = new AtomicLong();

    void asked(int count) {
        asked.addAndGet(count);
    }

    void missed(int count) {
        misses.addAndGet(count);
    }

    void joined() {
        coalesced.incrementAndGet();
    }

    void foundShared(int count) {
        sharedHits.addAndGet(count);
    }

    public long asked() {
        return asked.get();
    }

    /** Answered by this instance's memory, already there or in flight. */
    public long hits() {
        return asked.get() - misses.get();
    }

    public long misses() {
        return misses.get();
    }

    /** Of the hits, those that waited for a call another request had in flight. */
    public long coalesced() {
        return coalesced.get();
    }

    /** Of the misses, those Redis answered (no service call). */
    public long sharedHits() {
        return sharedHits.get();
    }
}
