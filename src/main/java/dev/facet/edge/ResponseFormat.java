package dev.facet.edge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The media type of an answer, chosen from the request's Accept header as the GraphQL-over-HTTP spec asks:
 * {@code application/graphql-response+json} when the client accepts it — then a request that could not run (no
 * {@code data}) is a 4xx — and {@code application/json} otherwise, where every well-formed request is a 200.
 */
enum ResponseFormat {
    GRAPHQL_RESPONSE("application/graphql-response+json"),
    JSON("application/json");

    private final String mediaType;

    ResponseFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String contentType() {
        return mediaType + "; charset=utf-8";
    }

    /** The status of an answer: a request that could not run is a 400 in the spec's own media type only. */
    int status(boolean requestFailed) {
        return requestFailed && this == GRAPHQL_RESPONSE ? 400 : 200;
    }

    /** The format to answer in, or empty when the client accepts neither (406). No header means JSON. */
    static Optional<ResponseFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        record Range(String type, double quality, int order) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].split(";");
            double quality = 1.0;
            for (int p = 1; p < pieces.length; p++) {
                String parameter = pieces[p].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException unreadable) {
                        quality = 0;
                    }
                }
            }
            ranges.add(new Range(pieces[0].trim().toLowerCase(Locale.ROOT), quality, i));
        }
        ranges.sort(Comparator.comparingDouble(Range::quality).reversed().thenComparingInt(Range::order));
        for (Range range : ranges) {
            if (range.quality() <= 0) {
                continue;
            }
            switch (range.type()) {
                case "application/graphql-response+json":
                    return Optional.of(GRAPHQL_RESPONSE);
                case "application/json", "application/*", "*/*":
                    return Optional.of(JSON);
                default:
                    break;
            }
        }
        return Optional.empty();
    }
}
