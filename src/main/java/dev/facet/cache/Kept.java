package dev.facet.cache;

/**
 * An answer as the cache keeps it: the value, how long from now it may be kept (zero: not at all, though the readers
 * already waiting for it share it) and about what it takes on the heap.
 */
record Kept(Object value, long keepNanos, long weight) {
}
