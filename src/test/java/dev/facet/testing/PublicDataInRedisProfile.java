package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Facet with catalog products declared public and Redis ({@link EmbeddedRedis}) as their second level. */
public class PublicDataInRedisProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "facet.cache.catalog.products.ttl", "1h",
                "facet.cache.store", "redis",
                // generous for a shared two-core machine: this test is about the wiring, not the bound
                "facet.cache.redis-timeout", "500ms");
    }
}
