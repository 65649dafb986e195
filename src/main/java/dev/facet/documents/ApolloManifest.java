package dev.facet.documents;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An Apollo persisted-query manifest, as {@code @apollo/generate-persisted-query-manifest} writes it:
 * {@code {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name", "type",
 * "body"}]}}. Each body is the operation exactly as the Apollo app sends it ({@code __typename}s included) and each
 * id what it sends in its place — by default the body's sha256, or whatever the team's {@code createOperationId}
 * made. Read with Jackson; only the envelope is checked here, the operations are checked like any registered one.
 */
record ApolloManifest(String format, Integer version, List<Operation> operations) {

    static final String FORMAT = "apollo-persisted-query-manifest";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record Operation(String id, String name, String type, String body) {
    }

    /** The manifest in {@code text}; stops the start naming {@code path} if it is not one Facet can read. */
    static ApolloManifest parse(String path, String text) {
        ApolloManifest manifest;
        try {
            manifest = JSON.readValue(text, ApolloManifest.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("clients/" + path + " is not valid JSON: "
                    + unreadable.getOriginalMessage());
        }
        if (manifest == null || !FORMAT.equals(manifest.format()) || !Integer.valueOf(1).equals(manifest.version())
                || manifest.operations() == null) {
            throw new IllegalStateException("clients/" + path + " is not an Apollo persisted-query manifest: expected "
                    + "\"format\": \"" + FORMAT + "\", \"version\": 1 and \"operations\"");
        }
        for (Operation operation : manifest.operations()) {
            if (operation == null || isBlank(operation.id()) || isBlank(operation.body())) {
                throw new IllegalStateException("clients/" + path + ": every operation needs an id and a body");
            }
        }
        return manifest;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
