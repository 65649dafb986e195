package dev.facet.downstream.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.facet.downstream.IdBatches;
import dev.facet.downstream.ServiceFailure;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import dev.facet.errors.PublicError;
import io.smallrye.mutiny.Uni;

/** Facet's one way to the catalog service. */
@ApplicationScoped
public class CatalogService {

    private final CatalogClient client;
    private final ServiceGuard guard;

    CatalogService(@RestClient CatalogClient client, ServiceGuards guards) {
        this.client = client;
        this.guard = guards.of("catalog");
    }

    /** The product, or empty when the catalog does not know the id. */
    public Uni<Optional<ProductDto>> product(String id) {
        return guard.call(() -> client.product(id))
                .map(Optional::of)
                .onFailure(failure -> ServiceFailure.answered(failure, 404)).recoverWithItem(Optional.empty());
    }

    /** The products the catalog knows among {@code ids}, by id. */
    public Uni<Map<String, ProductDto>> products(Collection<String> ids) {
        return IdBatches.fetch(ids, csv -> guard.call(() -> client.products(csv)))
                .map(products -> products.stream()
                        .collect(Collectors.toMap(ProductDto::id, Function.identity(), (a, b) -> a)));
    }

    /**
     * One page of a category. {@code cursor} is the catalog's own cursor (null for the first page); the catalog
     * refuses a cursor it did not issue with 400, which is the caller's fault, not ours.
     */
    public Uni<ProductPageDto> page(String categoryId, int limit, String cursor) {
        return guard.call(() -> client.page(categoryId, limit, cursor))
                .onFailure(failure -> ServiceFailure.answered(failure, 400))
                .transform(failure -> PublicError.badInput("The cursor is not valid for this category"));
    }

    /** Every category, by id. */
    public Uni<Map<String, CategoryDto>> categories() {
        return guard.call(() -> client.categories())
                .map(categories -> categories.stream()
                        .collect(Collectors.toMap(CategoryDto::id, Function.identity(), (a, b) -> a)));
    }
}
