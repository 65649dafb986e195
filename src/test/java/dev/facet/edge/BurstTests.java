package dev.facet.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.facet.testing.Shop.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.facet.testing.MetricsScrape;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * With the shipped limits, a burst of queries — a new instance's first second behind a load balancer, or a page the
 * whole shop opens at once — waits its turn and is answered in full, not refused, as long as it fits the deadline.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class BurstTests extends ShopTest {

    /** Three times what the instance executes at once (40), and more than it used to hold at all (96). */
    private static final int BURST = 120;

    private static final String PRODUCT_NAME = "{ product(id: \"p6\") { id name } }";

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void quickShop() {
        shop.setGlobalFixedDelay(0);
    }

    @Test
    void aBurstOfQueriesIsAnsweredInFullWithinTheDefaults() throws Exception {
        query(PRODUCT_NAME, Map.of()).statusCode(200); // loads the path once
        ShopServices.reset(shop);
        double refusedBefore = MetricsScrape.value(MetricsScrape.scrape(), "facet_graphql_overloaded_total");
        shop.setGlobalFixedDelay(300); // three turns of 40 queries, about a second in all: within the 3 s deadline

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/graphql"))
                .header("X-Client-Name", "web").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", PRODUCT_NAME))))
                .build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            JsonNode body = JSON.readTree(response.body());
            outcomes.add(response.statusCode() + " " + body.path("errors").path(0).path("extensions").path("code")
                    .asText("no error") + " " + body.path("data").path("product").path("name").asText("no name"));
        }
        assertThat(outcomes).as("every query of the burst, answered in full").containsOnly("200 no error Product 6");
        assertThat(MetricsScrape.value(MetricsScrape.scrape(), "facet_graphql_overloaded_total"))
                .as("none refused").isEqualTo(refusedBefore);
        assertThat(shop.findAll(getRequestedFor(urlPathMatching("/catalog/products.*")))).hasSize(BURST);
    }
}
