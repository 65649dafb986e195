package dev.facet.errors;

/**
 * A failure whose message was written for the client. Resolvers and adapters throw it; everything else that
 * escapes a resolver is treated as a bug and masked.
 */
public class PublicError extends RuntimeException {

    private final ErrorCode code;

    public PublicError(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static PublicError notFound(String what, String id) {
        return new PublicError(ErrorCode.NOT_FOUND, "No " + what + " with id '" + id + "'");
    }

    public static PublicError badInput(String message) {
        return new PublicError(ErrorCode.BAD_USER_INPUT, message);
    }

    public static PublicError unauthenticated() {
        return new PublicError(ErrorCode.UNAUTHENTICATED, "Sign in to see this");
    }
}
