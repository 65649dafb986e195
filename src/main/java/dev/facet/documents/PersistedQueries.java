package dev.facet.documents;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Documents clients registered at run time by hash (Apollo's automatic persisted queries), per client: in this
 * instance's memory ({@link InProcessPersistedQueries}), or shared by all instances through Redis
 * ({@link RedisPersistedQueries}, {@code facet.persisted-queries.store}), so that a query registered through one
 * instance is found through the next one the load balancer picks. A lookup may take a round trip: a {@link Uni}.
 */
public interface PersistedQueries {

    /** The text registered under {@code hash} by {@code client}, if any is known. */
    Uni<Optional<String>> find(String client, String hash);

    /** Remembers {@code document} under its hash; completes once it is stored (or could not be, and never fails). */
    Uni<Void> register(String client, String hash, String document);
}
