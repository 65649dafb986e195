package dev.facet.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * On Linux, Facet's event loops run on Netty's epoll transport, not Java NIO: the benchmarks' requests per CPU second
 * depend on it, and without the native library on the class path Vert.x would fall back to NIO without a word.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class NativeTransportTests extends ShopTest {

    private static final Set<String> NATIVE_ARCHITECTURES = Set.of("amd64", "x86_64", "aarch64");

    @Inject
    Vertx vertx;

    @Test
    void onLinuxTheEventLoopsRunOnEpoll() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && NATIVE_ARCHITECTURES.contains(System.getProperty("os.arch")),
                "the pom ships epoll for Linux x86_64 and aarch64 only");

        assertThat(vertx.isNativeTransportEnabled())
                .as("native transport (cause if not: %s)", vertx.unavailableNativeTransportCause())
                .isTrue();
        given().header("X-Client-Name", "web").contentType("application/json")
                .body("{\"query\":\"{ product(id: \\\"p6\\\") { name } }\"}").post("/graphql")
                .then().statusCode(200).body("data.product.name", equalTo("Product 6"));
    }
}
