package dev.facet.contract;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Remembers parsed and validated documents per client. SmallRye's own cache keys them by query text only, so a
 * document validated against the web schema would run for mobile unvalidated; here the client is part of the key.
 * Bounded: past {@value #MAX_ENTRIES} documents new ones are validated every time rather than remembered.
 */
final class ClientDocuments implements PreparsedDocumentProvider {

    static final int MAX_ENTRIES = 2048;

    private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        ClientContract contract = RequestClient.of(input);
        if (contract == null) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        String key = contract.name() + '\n' + input.getQuery();
        PreparsedDocumentEntry known = documents.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        PreparsedDocumentEntry fresh = parseAndValidate.apply(input);
        if (documents.size() < MAX_ENTRIES) {
            documents.putIfAbsent(key, fresh);
        }
        return CompletableFuture.completedFuture(fresh);
    }
}
