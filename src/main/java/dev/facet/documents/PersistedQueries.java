package dev.facet.documents;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Documents clients registered at run time by hash (Apollo's automatic persisted queries), per client. In this
 * instance's memory and bounded: past {@value #MAX_ENTRIES} documents a client must keep sending the full text.
 * Several instances each learn a hash on its first miss; a shared store (Redis) can stand behind this class when
 * that costs too many round trips.
 */
@ApplicationScoped
public class PersistedQueries {

    static final int MAX_ENTRIES = 4096;

    private final Map<String, String> documents = new ConcurrentHashMap<>();

    public Optional<String> get(String client, String hash) {
        return Optional.ofNullable(documents.get(client + '\n' + hash));
    }

    public void put(String client, String hash, String document) {
        if (documents.size() < MAX_ENTRIES) {
            documents.putIfAbsent(client + '\n' + hash, document);
        }
    }
}
