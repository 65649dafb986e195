package dev.facet.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;

/**
 * A field's error as the client sees it: message, location, path and {@code extensions.code} — nothing more.
 * graphql-java's own errors also write a {@code classification} naming the failure's Java category; ours don't.
 */
final class FieldError implements GraphQLError {

    private final ErrorCode code;
    private final String message;
    private final ResultPath path;
    private final SourceLocation location;

    FieldError(ErrorCode code, String message, ResultPath path, SourceLocation location) {
        this.code = code;
        this.message = message;
        this.path = path;
        this.location = location;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return location == null ? List.of() : List.of(location);
    }

    @Override
    public ErrorClassification getErrorType() {
        return Classification.PUBLIC;
    }

    @Override
    public List<Object> getPath() {
        return path == null ? null : path.toList();
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code.name());
    }

    @Override
    public Map<String, Object> toSpecification() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("message", message);
        if (location != null) {
            spec.put("locations", List.of(Map.of("line", location.getLine(), "column", location.getColumn())));
        }
        if (path != null) {
            spec.put("path", path.toList());
        }
        spec.put("extensions", getExtensions());
        return spec;
    }

    private enum Classification implements ErrorClassification {
        PUBLIC
    }
}
