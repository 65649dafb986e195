package dev.facet.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the instance's management port (health, metrics), where the platform reaches Facet: in tests
 * {@code quarkus.management.test-port}.
 */
public final class ManagementPort {

    private ManagementPort() {
    }

    /** The management port of the instance under test. */
    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }

    /** A RestAssured request to the management port. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
