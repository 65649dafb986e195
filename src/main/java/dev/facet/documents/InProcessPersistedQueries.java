package dev.facet.documents;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;

/**
 * Documents clients registered at run time by hash (Apollo's automatic persisted queries), per client, in this
 * instance's memory. Only documents that parsed, validated and passed the client's limits are registered
 * ({@link DocumentSource#register}), none longer than {@code facet.persisted-queries.max-document-size}.
 *
 * <p>Bounded by bytes ({@code facet.persisted-queries.cache-size}) and evicting the least recently used: a full store
 * makes room and never refuses, so after any flood of registrations the next one is remembered. Hand-written rather
 * than Caffeine (which the document cache uses): Caffeine's TinyLFU admission keeps entries used as often as a
 * newcomer and may turn the newcomer away — after a flood of one-off registrations, a new persisted query would not be
 * found on its very next request, which is exactly the contract Apollo's clients rely on.
 *
 * <p>With Redis, this is {@link RedisPersistedQueries}'s first level and what it falls back on.
 */
@Singleton
public class InProcessPersistedQueries implements PersistedQueries {

    private record Key(String client, String sha256) {
    }

    private final Map<Key, String> documents = new LinkedHashMap<>(256, 0.75f, true);
    private final long maxBytes;
    private final int maxDocumentSize;
    private long bytes;

    public InProcessPersistedQueries(@ConfigProperty(name = "facet.persisted-queries.cache-size", defaultValue = "4M") MemorySize size,
            @ConfigProperty(name = "facet.persisted-queries.max-document-size", defaultValue = "32K") MemorySize max) {
        this.maxBytes = size.asLongValue();
        this.maxDocumentSize = (int) Math.min(Integer.MAX_VALUE, max.asLongValue());
    }

    @Override
    public Uni<Optional<String>> find(String client, String hash) {
        return Uni.createFrom().item(get(client, hash));
    }

    @Override
    public Uni<Void> register(String client, String hash, String document) {
        put(client, hash, document);
        return Uni.createFrom().voidItem();
    }

    /** The longest text a client may register. */
    int maxDocumentSize() {
        return maxDocumentSize;
    }

    synchronized Optional<String> get(String client, String hash) {
        return Optional.ofNullable(documents.get(new Key(client, hash)));
    }

    /** Remembers {@code document} under its hash, unless it is longer than a registered document may be. */
    synchronized void put(String client, String hash, String document) {
        if (document.length() > maxDocumentSize || weight(document) > maxBytes) {
            return;
        }
        String replaced = documents.put(new Key(client, hash), document);
        bytes += weight(document) - (replaced == null ? 0 : weight(replaced));
        Iterator<String> oldest = documents.values().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= weight(oldest.next());
            oldest.remove();
        }
    }

    /** About what an entry keeps on the heap: the text (a byte or two a character), its key and the map's node. */
    private static long weight(String text) {
        return 200 + 2L * text.length();
    }
}
