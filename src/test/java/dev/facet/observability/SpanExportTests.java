package dev.facet.observability;

import static dev.facet.testing.Shop.operation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * With no OTLP endpoint (as in every test but the trace tests) spans are made and propagate, but nothing queues
 * them for export: neither an OTLP exporter to Quarkus's default {@code localhost:4317} nor a batch processor
 * around an exporter that throws them away — each of which runs a {@code BatchSpanProcessor} thread.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class SpanExportTests extends ShopTest {

    @Test
    void withoutAnEndpointSpansStillPropagateAndNothingQueuesThem() {
        given().contentType(ContentType.JSON).header("X-Client-Name", "web")
                .body(Map.of("query", operation("web", "ProductPage"), "variables", Map.of("id", "p1")))
                .post("/graphql").then().statusCode(200);
        assertThat(shop.getAllServeEvents()).isNotEmpty();
        for (ServeEvent call : shop.getAllServeEvents()) {
            assertThat(call.getRequest().getHeader("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        }
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                .noneMatch(name -> name.startsWith("BatchSpanProcessor"));
    }
}
