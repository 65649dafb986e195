package dev.facet.shared;

/** Where a store keeps its state: {@code memory} (this instance only) or {@code redis} (shared by all instances). */
public enum Store {
    MEMORY,
    REDIS
}
