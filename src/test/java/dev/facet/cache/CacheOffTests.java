package dev.facet.cache;

import static dev.facet.testing.Shop.callCounts;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.queryAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Facet as configured by default: no route is public, and every request asks the services as it always has. */
@QuarkusTest
@WithTestResource(ShopServices.class)
class CacheOffTests extends ShopTest {

    @Inject
    PublicData publicData;

    @Test
    void withNoRouteDeclaredEveryRequestCallsTheServicesWithTheCallersToken() {
        for (int i = 0; i < 3; i++) {
            queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p6"))
                    .statusCode(200).body("data.productCard.title", equalTo("Product 6"));
        }
        assertThat(callCounts(shop)).isEqualTo(Map.of("catalog", 3, "inventory", 3, "reviews", 3));
        assertThat(publicData.counts()).as("no route was made").isEmpty();
        assertThat(publicData.size()).isZero();
    }
}
