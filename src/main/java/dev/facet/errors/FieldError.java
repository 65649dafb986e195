package dev.facet.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;

/**
 * An error as the client sees it: message, location, path and {@code extensions.code} — nothing more.
 * graphql-java's own errors also write a {@code classification} naming the failure's Java category; ours don't.
 */
final class FieldError implements GraphQLError {

    private final ErrorCode code;
    private final String message;
    private final List<Object> path;
    private final List<SourceLocation> locations;

    FieldError(ErrorCode code, String message, ResultPath path, SourceLocation location) {
        this(code, message, path == null ? null : path.toList(),
                location == null ? List.of() : List.of(location));
    }

    FieldError(ErrorCode code, String message, List<Object> path, List<SourceLocation> locations) {
        this.code = code;
        this.message = message;
        this.path = path;
        this.locations = locations == null ? List.of() : locations;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public ErrorClassification getErrorType() {
        return Classification.PUBLIC;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code.name());
    }

    @Override
    public Map<String, Object> toSpecification() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("message", message);
        if (!locations.isEmpty()) {
            spec.put("locations", locations.stream()
                    .map(location -> Map.of("line", location.getLine(), "column", location.getColumn()))
                    .toList());
        }
        if (path != null) {
            spec.put("path", path);
        }
        spec.put("extensions", getExtensions());
        return spec;
    }

    private enum Classification implements ErrorClassification {
        PUBLIC
    }
}
