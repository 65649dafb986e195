package dev.facet.documents;

import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.facet.testing.MetricsScrape;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A flood of one-off documents — each valid, each a few hundred KB of comment around one field — cannot fill the
 * heap: the prepared documents weigh at most {@code facet.documents.cache-size} together, and the documents the
 * frontends send all day are still prepared once and answered.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class DocumentCacheFloodTests extends ShopTest {

    @Inject
    PreparedDocuments documents;

    @ConfigProperty(name = "facet.documents.cache-size", defaultValue = "16M")
    MemorySize bound;

    @Test
    void aFloodOfLargeOneOffDocumentsStaysWithinTheBoundAndEvictsNoneOfTheDailyOnes() {
        for (int i = 0; i < 5; i++) { // a document the web frontend sends all day
            query(operation("web", "ProductPage"), Map.of("id", "p6")).statusCode(200);
        }
        String comment = "#" + "x".repeat(200_000) + "\n";
        for (int i = 0; i < 120; i++) { // 24 MB of text: about 380 MB weighed as prepared documents
            given().header("X-Client-Name", "web").contentType("application/json")
                    .body(Map.of("query", comment + "# flood " + i + "\n{ __typename }"))
                    .post("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
        }

        assertThat(documents.weight()).as("prepared documents' weight").isLessThanOrEqualTo(bound.asLongValue());
        double misses = misses();
        query(operation("web", "ProductPage"), Map.of("id", "p6")).statusCode(200)
                .body("data.product.name", equalTo("Product 6"));
        assertThat(misses()).as("ProductPage still prepared: not prepared again").isEqualTo(misses);
    }

    private static double misses() {
        return MetricsScrape.value(MetricsScrape.scrape(), "cache_gets_total", "cache=\"facet.documents\"",
                "result=\"miss\"");
    }
}
