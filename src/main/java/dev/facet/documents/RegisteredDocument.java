package dev.facet.documents;

import graphql.language.Document;

/**
 * One operation a frontend team registered: its id (the sha256 of the file, as clients send it), where it came
 * from, its text, and the document parsed and validated once at start-up.
 */
public record RegisteredDocument(String client, String id, String file, String text, Document document) {
}
