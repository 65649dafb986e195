package dev.facet.errors;

/**
 * Every code a client may branch on, in one place: they appear as {@code extensions.code}, never change meaning, and
 * the README's "Errors" table lists them. Anything Facet answers with that is not here is a bug.
 */
public enum ErrorCode {
    // a field's own outcome
    NOT_FOUND,
    BAD_USER_INPUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    DOWNSTREAM_UNAVAILABLE,
    DOWNSTREAM_TIMEOUT,
    IDEMPOTENCY_KEY_REUSED,
    ORDER_OUTCOME_UNKNOWN,
    // the document
    GRAPHQL_PARSE_FAILED,
    GRAPHQL_VALIDATION_FAILED,
    INTROSPECTION_DISABLED,
    TOO_MANY_TOKENS,
    QUERY_TOO_DEEP,
    TOO_MANY_ALIASES,
    TOO_MANY_ROOT_FIELDS,
    TOO_MANY_DIRECTIVES,
    QUERY_TOO_COSTLY,
    PERSISTED_QUERY_NOT_FOUND,
    DOCUMENT_NOT_REGISTERED,
    // the HTTP request
    BAD_REQUEST,
    PAYLOAD_TOO_LARGE,
    REQUEST_TIMEOUT,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    UNSUPPORTED_MEDIA_TYPE,
    UNKNOWN_CLIENT,
    RATE_LIMITED,
    OVERLOADED,
    // a bug in Facet
    INTERNAL
}
