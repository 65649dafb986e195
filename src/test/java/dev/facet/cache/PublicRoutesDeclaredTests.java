package dev.facet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an operator may declare public, checked as Facet starts. */
class PublicRoutesDeclaredTests {

    private static final PublicDataSettings.Route THIRTY_SECONDS = () -> Duration.ofSeconds(30);

    @ParameterizedTest
    @ValueSource(strings = { "accounts", "orders", "recommendations" })
    void aServiceThatAnswersForTheSignedInUserIsRefused(String service) {
        assertThatThrownBy(() -> PublicData.declared(Map.of(service, Map.of("users", THIRTY_SECONDS))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("facet.cache." + service + ".* is refused: " + service
                        + " answers for the signed-in user")
                .hasMessageContaining("catalog.products");
    }

    @Test
    void aRouteFacetDoesNotKnowIsRefusedRatherThanSilentlyCachingNothing() {
        assertThatThrownBy(() -> PublicData.declared(Map.of("catalog", Map.of("prodcts", THIRTY_SECONDS))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("facet.cache.catalog.prodcts is not a public route Facet knows");
        assertThatThrownBy(() -> PublicData.declared(Map.of("reviews", Map.of("reviews", THIRTY_SECONDS))))
                .as("a product's reviews list is not declared public: only ratings are")
                .hasMessageStartingWith("facet.cache.reviews.reviews is not a public route");
    }

    @Test
    void publicRoutesAreDeclaredByServiceAndRoute() {
        assertThat(PublicData.declared(Map.of(
                "catalog", Map.of("products", THIRTY_SECONDS, "pages", () -> Duration.ZERO),
                "inventory", Map.of("stock", () -> Duration.ofSeconds(2)))))
                .containsOnlyKeys("catalog.pages", "catalog.products", "inventory.stock");
        assertThat(PublicData.declared(Map.of())).isEmpty();
    }
}
