package dev.facet.demo;

import java.util.ArrayList;
import java.util.List;

/** The parameter rules all six services share: id lists, limits and required parameters. */
final class QueryParams {

    static final int MAX_IDS = 100;
    static final int MAX_LIMIT = 100;

    private QueryParams() {
    }

    /**
     * Splits a comma-separated id list. Duplicates are kept and answered as asked, one entry
     * per asked id, so the answer lines up with the ask; empty items ("p1,,p2") are ignored.
     */
    static List<String> ids(String name, String csv) {
        if (csv == null) {
            throw DemoErrors.missingParameter(name);
        }
        List<String> ids = new ArrayList<>();
        for (String part : csv.split(",")) {
            String id = part.trim();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.size() > MAX_IDS) {
            throw DemoErrors.tooManyIds();
        }
        return ids;
    }

    /**
     * Taken as text, not Integer: JAX-RS answers 404 to an unconvertible query parameter, while
     * the contract wants a 400 for a bad limit. An absent or blank limit means the default.
     */
    static int limit(String raw, int defaultLimit) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw DemoErrors.badLimit();
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DemoErrors.badLimit();
        }
        return limit;
    }

    static String required(String name, String value) {
        if (value == null) {
            throw DemoErrors.missingParameter(name);
        }
        return value;
    }
}
