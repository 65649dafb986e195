package dev.facet.edge;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.netty.buffer.ByteBufInputStream;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The parameters of one GraphQL-over-HTTP request — from a POST's JSON body or a GET's query string — checked for
 * the types the spec requires before anything reads them.
 */
record GraphQLRequest(String query, String operationName, JsonObject variables, JsonObject extensions) {

    /** A sha256 in hex, or the id an Apollo persisted-query manifest gives an operation: a short, plain token. */
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9A-Za-z._:-]{1,128}");

    /** Why a request's parameters cannot be used; {@code parseFailure} when the body is not JSON at all. */
    static final class Invalid extends Exception {
        final boolean parseFailure;

        Invalid(String message, boolean parseFailure) {
            super(message, null, false, false);
            this.parseFailure = parseFailure;
        }
    }

    /**
     * How request JSON is read: Jackson stops at the {@code maxTokens}-th token (and at its default nesting bound), so
     * no body parses into more than a bounded number of values, whatever its size in bytes.
     */
    static final class Reader {
        private final ObjectReader json;
        private final int maxTokens;

        Reader(int maxTokens) {
            this.maxTokens = maxTokens;
            this.json = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(maxTokens).build())
                    .build()).readerFor(Object.class);
        }

        private Object read(Buffer body) throws Invalid {
            try {
                // straight from the bytes: no String of the whole body is made
                return wrap(json.readValue((InputStream) new ByteBufInputStream(body.getByteBuf())));
            } catch (StreamConstraintsException tooMany) {
                throw new Invalid("The request body has more than " + maxTokens + " JSON tokens", true);
            } catch (IOException notJson) {
                throw new Invalid("The request body is not valid JSON", true);
            }
        }

        private Object read(String text, String name) throws Invalid {
            try {
                return wrap(json.readValue(text));
            } catch (StreamConstraintsException tooMany) {
                throw new Invalid(name + " has more than " + maxTokens + " JSON tokens", false);
            } catch (IOException notJson) {
                throw new Invalid(name + " is not valid JSON", false);
            }
        }

        /** Vert.x's views of what Jackson read: they wrap the maps and lists, nothing is copied. */
        @SuppressWarnings("unchecked")
        private static Object wrap(Object value) {
            if (value instanceof Map<?, ?> map) {
                return new JsonObject((Map<String, Object>) map);
            }
            if (value instanceof List<?> list) {
                return new JsonArray(list);
            }
            return value;
        }
    }

    static GraphQLRequest fromBody(Buffer body, Reader reader) throws Invalid {
        if (body == null || body.length() == 0) {
            throw new Invalid("The request has no body", true);
        }
        Object parsed = reader.read(body);
        if (parsed instanceof JsonArray) {
            throw new Invalid("Batched requests are not supported: send one operation per request", true);
        }
        if (!(parsed instanceof JsonObject request)) {
            throw new Invalid("The request body must be a JSON object", true);
        }
        return of(request.getValue("query"), request.getValue("operationName"), request.getValue("variables"),
                request.getValue("extensions"));
    }

    static GraphQLRequest fromQueryString(RoutingContext context, Reader reader) throws Invalid {
        return of(context.queryParams().get("query"), context.queryParams().get("operationName"),
                json(context.queryParams().get("variables"), "variables", reader),
                json(context.queryParams().get("extensions"), "extensions", reader));
    }

    Map<String, Object> variableValues() {
        return variables == null ? Map.of() : variables.getMap();
    }

    /** Apollo's {@code extensions.persistedQuery.sha256Hash}, or null. */
    String persistedQueryHash() {
        Object persisted = extensions == null ? null : extensions.getValue("persistedQuery");
        return persisted instanceof JsonObject object && object.getValue("sha256Hash") instanceof String hash
                ? hash
                : null;
    }

    boolean asksFor(String extension) {
        return extensions != null && Boolean.TRUE.equals(extensions.getValue(extension));
    }

    private static Object json(String text, String name, Reader reader) throws Invalid {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return reader.read(text, name);
    }

    private static GraphQLRequest of(Object query, Object operationName, Object variables, Object extensions)
            throws Invalid {
        if (extensions != null && !(extensions instanceof JsonObject)) {
            throw new Invalid("extensions must be an object", false);
        }
        Object persistedQuery = extensions == null ? null : ((JsonObject) extensions).getValue("persistedQuery");
        if (persistedQuery != null && !(persistedQuery instanceof JsonObject persisted
                && Integer.valueOf(1).equals(persisted.getValue("version"))
                && persisted.getValue("sha256Hash") instanceof String hash && DOCUMENT_ID.matcher(hash).matches())) {
            throw new Invalid("extensions.persistedQuery needs version 1 and a sha256Hash", false);
        }
        // Only a persisted query may leave the query out: its hash stands for the document.
        if (!(query == null && persistedQuery != null) && (!(query instanceof String text) || text.isBlank())) {
            throw new Invalid("The request needs a query: a string holding a GraphQL document", false);
        }
        if (operationName != null && !(operationName instanceof String)) {
            throw new Invalid("operationName must be a string", false);
        }
        if (variables != null && !(variables instanceof JsonObject)) {
            throw new Invalid("variables must be an object", false);
        }
        String name = (String) operationName;
        return new GraphQLRequest((String) query, name == null || name.isEmpty() ? null : name, (JsonObject) variables,
                (JsonObject) extensions);
    }
}
