package dev.facet.limits;

import dev.facet.errors.ErrorCode;
import graphql.language.SourceLocation;

/**
 * A document Facet will not run: a public code ({@code GRAPHQL_PARSE_FAILED}, {@code TOO_MANY_TOKENS},
 * {@code QUERY_TOO_DEEP}, …), a message that names the limit, and where in the document, when that is known.
 */
public final class DocumentRefused extends Exception {

    private final ErrorCode code;
    private final transient SourceLocation location;

    public DocumentRefused(ErrorCode code, String message, SourceLocation location) {
        super(message, null, false, false);
        this.code = code;
        this.location = location;
    }

    public ErrorCode code() {
        return code;
    }

    /** Where the problem is, or null. */
    public SourceLocation location() {
        return location;
    }
}
