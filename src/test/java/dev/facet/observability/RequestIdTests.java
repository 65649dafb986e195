package dev.facet.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.Shop.operation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every GraphQL request has an id — the caller's {@code X-Request-Id} when it is a sane token, else a fresh one —
 * answered in {@code X-Request-Id}, in each error's {@code extensions}, and in the MDC of every line logged for it.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class RequestIdTests extends ShopTest {

    private static final String FRESH = "[0-9a-f]{32}";

    @Test
    void aSaneCallerIdIsKeptInTheHeaderAndInEveryError() {
        shop.stubFor(get(urlPathEqualTo("/reviews/reviews")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{}")));
        request("checkout-42.a_B").body(productPage()).post("/graphql").then().statusCode(200)
                .header("X-Request-Id", "checkout-42.a_B")
                .body("errors.extensions.code", everyItem(equalTo("DOWNSTREAM_UNAVAILABLE")))
                .body("errors.extensions.requestId", everyItem(equalTo("checkout-42.a_B")));
    }

    @Test
    void anInsaneCallerIdIsReplacedByAFreshOne() {
        for (String insane : List.of("a b", "x".repeat(65), "id\u00e9", "<script>", "a;b=c")) {
            String id = request(insane).body(Map.of("query", "{ nothingHere }")).post("/graphql").then()
                    .header("X-Request-Id", matchesPattern(FRESH))
                    .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                    .extract().header("X-Request-Id");
            assertThat(id).isNotEqualTo(insane);
        }
    }

    @Test
    void eachRequestWithoutAnIdGetsItsOwnAndARefusalCarriesIt() {
        String first = request(null).header("Accept", "text/html").body(productPage()).post("/graphql").then()
                .statusCode(406).header("X-Request-Id", matchesPattern(FRESH))
                .extract().header("X-Request-Id");
        request(null).header("Accept", "text/html").body(productPage()).post("/graphql").then()
                .statusCode(406).header("X-Request-Id", not(equalTo(first)))
                .body("errors[0].extensions.requestId", matchesPattern(FRESH));
    }

    @Test
    void everyLineLoggedForARequestNamesIt() {
        shop.stubFor(get(urlPathEqualTo("/reviews/reviews")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{}")));
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && record.getLoggerName().startsWith("dev.facet")) {
                    ext.copyMdc();
                    lines.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            request("log-me-1").body(productPage()).post("/graphql").then().statusCode(200);
            request("log-me-2").body(productPage()).post("/graphql").then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        List<ExtLogRecord> failures = lines.stream()
                .filter(line -> line.getMessage() != null && line.getMessage().startsWith("Downstream failure")).toList();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(2);
        assertThat(failures).extracting(line -> line.getMdc(GraphQLMetrics.REQUEST_ID_MDC))
                .containsOnly("log-me-1", "log-me-2").contains("log-me-1", "log-me-2");
    }

    private static RequestSpecification request(String requestId) {
        RequestSpecification request = given().contentType(ContentType.JSON).header("X-Client-Name", "web");
        return requestId == null ? request : request.header("X-Request-Id", requestId);
    }

    private static Map<String, Object> productPage() {
        return Map.of("query", operation("web", "ProductPage"), "variables", Map.of("id", "p1"));
    }
}
