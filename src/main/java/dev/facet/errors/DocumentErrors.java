package dev.facet.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.introspection.GoodFaithIntrospection;
import graphql.introspection.IntrospectionDisabledError;

/**
 * Every error of an answer in its public form. Errors Facet raised ({@link FieldError}) already are; the ones
 * graphql-java raises about the document itself — validation, variables that do not fit their types, an unknown
 * operation name — get a public code here, and lose the engine's own extensions (classification, query path), so
 * every error a client sees has the same shape.
 */
public final class DocumentErrors {

    private DocumentErrors() {
    }

    /** The errors as the answer's {@code errors} list. */
    public static List<Map<String, Object>> toSpecification(List<? extends GraphQLError> errors) {
        List<Map<String, Object>> specification = new ArrayList<>(errors.size());
        for (GraphQLError error : errors) {
            specification.add((error instanceof FieldError known ? known : recoded(error)).toSpecification());
        }
        return specification;
    }

    private static FieldError recoded(GraphQLError error) {
        ErrorCode code;
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            code = ErrorCode.GRAPHQL_PARSE_FAILED;
        } else if (error.getErrorType() == ErrorType.ValidationError
                || error.getErrorType() == ErrorType.OperationNotSupported
                // more introspection than any tool asks for (graphql-java's good-faith check): the document's fault
                || error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            code = ErrorCode.GRAPHQL_VALIDATION_FAILED;
        } else if (error instanceof IntrospectionDisabledError) {
            code = ErrorCode.INTROSPECTION_DISABLED;
        } else {
            code = ErrorCode.INTERNAL;
        }
        return new FieldError(code, error.getMessage(), error.getPath(), error.getLocations());
    }
}
