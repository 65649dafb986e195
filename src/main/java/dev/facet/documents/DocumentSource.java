package dev.facet.documents;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.facet.contract.ClientContract;
import dev.facet.errors.ErrorCode;
import dev.facet.limits.DocumentLimits;
import dev.facet.limits.DocumentRefused;
import dev.facet.shared.SharedStores;
import dev.facet.shared.Store;
import graphql.language.Document;
import io.smallrye.mutiny.Uni;

/**
 * Finds the document a request stands for — its text, a registered operation's id, or a hash registered earlier
 * — and refuses what the client may not send. A text is prepared once per client ({@link PreparedDocuments});
 * registered operations were prepared at start-up.
 */
@ApplicationScoped
public class DocumentSource {

    private static final Uni<Void> STORED = Uni.createFrom().voidItem();

    private final RegisteredDocuments registered;
    private final PersistedQueries persisted;
    private final PreparedDocuments prepared;
    private final DocumentLimits limits;

    DocumentSource(RegisteredDocuments registered, InProcessPersistedQueries local, PreparedDocuments prepared,
            DocumentLimits limits, SharedStores stores,
            @ConfigProperty(name = "facet.persisted-queries.store") Optional<Store> store,
            @ConfigProperty(name = "facet.persisted-queries.redis-timeout", defaultValue = "20ms") Duration timeout,
            @ConfigProperty(name = "facet.persisted-queries.ttl", defaultValue = "24h") Duration ttl) {
        this.registered = registered;
        this.persisted = stores.shared("facet.persisted-queries.store", store)
                ? new RedisPersistedQueries(stores.redis(), stores.guard(), timeout, ttl, local)
                : local;
        this.prepared = prepared;
        this.limits = limits;
    }

    /**
     * @param query the request's document text, or null when it sends only a hash
     * @param sha256Hash {@code extensions.persistedQuery.sha256Hash}, or null
     * @return the document to run, parsed within the client's limits, or a {@link DocumentRefused} failure; at once,
     *     unless a persisted query's text must come from Redis
     */
    public Uni<PreparedDocument> find(ClientContract client, String query, String sha256Hash) {
        String hash = sha256Hash == null ? null : sha256Hash.toLowerCase(Locale.ROOT);
        try {
            if (hash != null && query == null) {
                Optional<PreparedDocument> known = registered.byId(client.name(), hash);
                if (known.isPresent()) {
                    return Uni.createFrom().item(known.get());
                }
                if (client.registeredOnly()) {
                    throw notFound();
                }
                return persisted.find(client.name(), hash).onItem().transformToUni(learned -> {
                    try {
                        if (learned.isEmpty()) {
                            throw notFound();
                        }
                        return Uni.createFrom().item(parsed(prepare(client, learned.get(), hash)));
                    } catch (DocumentRefused refused) {
                        return Uni.createFrom().failure(refused);
                    }
                });
            }
            return Uni.createFrom().item(fromText(client, query, hash));
        } catch (DocumentRefused refused) {
            return Uni.createFrom().failure(refused);
        }
    }

    private PreparedDocument fromText(ClientContract client, String query, String hash) throws DocumentRefused {
        String sha256 = Sha256.of(query);
        if (hash != null && !hash.equals(sha256)) {
            throw new DocumentRefused(ErrorCode.BAD_REQUEST, "provided sha does not match query", null);
        }
        PreparedDocument document = parsed(prepare(client, query, sha256));
        if (client.registeredOnly() && document.registered().isEmpty()) {
            throw new DocumentRefused(ErrorCode.DOCUMENT_NOT_REGISTERED, "This client may send only its registered operations",
                    null);
        }
        return document;
    }

    private static DocumentRefused notFound() {
        // Apollo's clients send the full text after exactly this message and code.
        return new DocumentRefused(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound", null);
    }

    /**
     * Registers a persisted query the request sent with its text, once the edge found it valid and within the
     * client's limits — and before it is answered, so the client's next request by hash finds it.
     */
    public Uni<Void> register(ClientContract client, String sha256Hash, PreparedDocument document) {
        if (sha256Hash != null && !client.registeredOnly() && document.registered().isEmpty()) {
            return persisted.register(client.name(), sha256Hash.toLowerCase(Locale.ROOT), document.text());
        }
        return STORED;
    }

    private PreparedDocument prepare(ClientContract client, String text, String sha256) {
        return prepared.get(client.name(), sha256, () -> {
            try {
                Document document = limits.parse(text, client.limits());
                return PreparedDocument.parsed(text, document,
                        registered.byDocument(client.name(), document).orElse(null), client.schema());
            } catch (DocumentRefused refused) {
                return PreparedDocument.refused(refused);
            }
        });
    }

    private static PreparedDocument parsed(PreparedDocument document) throws DocumentRefused {
        document.document(); // throws what parsing refused it for
        return document;
    }
}
