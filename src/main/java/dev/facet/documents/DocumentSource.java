package dev.facet.documents;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facet.contract.ClientContract;
import dev.facet.limits.DocumentLimits;
import dev.facet.limits.DocumentRefused;
import graphql.language.Document;

/**
 * Finds the document a request stands for — its text, a registered operation's id, or a hash registered earlier
 * — and refuses what the client may not send. Parses each document at most once (within the limits); registered
 * operations are not parsed again at all.
 */
@ApplicationScoped
public class DocumentSource {

    /** The document to run: its text (what the engine executes) and its parsed form. */
    public record Found(String query, Document document) {
    }

    private final RegisteredDocuments registered;
    private final PersistedQueries persisted;
    private final DocumentLimits limits;

    DocumentSource(RegisteredDocuments registered, PersistedQueries persisted, DocumentLimits limits) {
        this.registered = registered;
        this.persisted = persisted;
        this.limits = limits;
    }

    /**
     * @param query the request's document text, or null when it sends only a hash
     * @param hash {@code extensions.persistedQuery.sha256Hash}, or null
     */
    public Found find(ClientContract client, String query, String sha256Hash) throws DocumentRefused {
        String hash = sha256Hash == null ? null : sha256Hash.toLowerCase(Locale.ROOT);
        if (hash != null && query == null) {
            Optional<RegisteredDocument> known = registered.byId(client.name(), hash);
            if (known.isPresent()) {
                return new Found(known.get().text(), known.get().document());
            }
            Optional<String> learned = client.registeredOnly() ? Optional.empty() : persisted.get(client.name(), hash);
            if (learned.isEmpty()) {
                // Apollo's clients send the full text after exactly this message and code.
                throw new DocumentRefused("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound", null);
            }
            return new Found(learned.get(), limits.parse(learned.get(), client.limits()));
        }
        if (hash != null && !hash.equals(Sha256.of(query))) {
            throw new DocumentRefused("BAD_REQUEST", "provided sha does not match query", null);
        }
        Document document = limits.parse(query, client.limits());
        if (client.registeredOnly()) {
            RegisteredDocument known = registered.byDocument(client.name(), document).orElseThrow(
                    () -> new DocumentRefused("DOCUMENT_NOT_REGISTERED",
                            "This client may send only its registered operations", null));
            return new Found(known.text(), known.document());
        }
        if (hash != null) {
            persisted.put(client.name(), hash, query);
        }
        return new Found(query, document);
    }
}
