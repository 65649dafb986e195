package dev.facet.documents;

/**
 * One operation a frontend team registered: its id (the sha256 of the file, as clients send it), where it came
 * from, and the name of its operation — what metrics and logs may call it, since the team chose it.
 */
public record RegisteredDocument(String client, String id, String file, String operationName) {
}
