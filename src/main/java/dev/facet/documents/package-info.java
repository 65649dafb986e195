/**
 * Which documents a client may send: the operations its team registered under {@code clients/<client>/} (its
 * trusted documents: {@code *.graphql} files and an Apollo persisted-query manifest, built into the app, parsed and
 * validated at start-up; recognised by id, or by text with whatever {@code __typename}s a client library adds) and,
 * unless the client is {@code registered-only}, any other document — also by hash, Apollo's automatic persisted
 * queries. Each document is prepared once per client — parsed, measured, validated — and remembered within a byte
 * budget ({@link dev.facet.documents.PreparedDocuments}). Persisted queries live in this
 * instance's memory, or — with Redis — are shared by every instance ({@link dev.facet.documents.PersistedQueries}).
 */
package dev.facet.documents;
