package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An instance that holds at most 48 KB of request bodies at once, with a 32 KB body limit: room for one body of
 * 20 KB and one of 24 KB, not for a third. Public because Quarkus instantiates it reflectively.
 */
public class BodyBytesProfile implements QuarkusTestProfile {

    public static final int MAX_BODY_BYTES = 32 * 1024;
    public static final int MAX_IN_FLIGHT_BYTES = 48 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.limits.max-body-size", MAX_BODY_BYTES / 1024 + "K",
                "facet.limits.max-in-flight-bytes", MAX_IN_FLIGHT_BYTES / 1024 + "K");
    }
}
