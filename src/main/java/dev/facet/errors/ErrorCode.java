package dev.facet.errors;

/** The codes clients may branch on; they appear as {@code extensions.code} and never change meaning. */
public enum ErrorCode {
    NOT_FOUND,
    BAD_USER_INPUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    DOWNSTREAM_UNAVAILABLE,
    DOWNSTREAM_TIMEOUT,
    RATE_LIMITED,
    INTERNAL
}
