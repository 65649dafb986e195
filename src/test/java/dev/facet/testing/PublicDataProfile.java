package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Facet with the public-data cache on, in memory: catalog products and pages and review ratings kept for an hour (a
 * test never outlives them, so each test reads ids of its own), categories for 2 s, so a test can watch one
 * expire. Stock is not declared: it is read per request, as by default.
 */
public class PublicDataProfile implements QuarkusTestProfile {

    public static final long CATEGORIES_TTL_MILLIS = 2000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "facet.cache.catalog.products.ttl", "1h",
                "facet.cache.catalog.pages.ttl", "1h",
                "facet.cache.catalog.categories.ttl", CATEGORIES_TTL_MILLIS + "ms",
                "facet.cache.reviews.ratings.ttl", "1h",
                // beside the routes under the same prefix: must not be read as a service named max-size
                "facet.cache.max-size", "4M");
    }
}
