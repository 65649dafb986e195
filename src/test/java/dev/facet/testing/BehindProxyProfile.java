package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Facet behind a load balancer at 127.0.0.1, the one trusted proxy, with buckets small enough to empty in a test:
 * 3 anonymous requests an hour per address. Public because Quarkus instantiates it reflectively.
 */
public class BehindProxyProfile implements QuarkusTestProfile {

    public static final int ANONYMOUS_CAPACITY = 3;
    public static final String TRUSTED_PROXY = "127.0.0.1";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", TRUSTED_PROXY,
                "facet.rate-limit.anonymous.capacity", String.valueOf(ANONYMOUS_CAPACITY),
                "facet.rate-limit.anonymous.period", "1h");
    }
}
