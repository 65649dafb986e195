package dev.facet.downstream.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.facet.cache.Fetched;
import dev.facet.cache.PublicData;
import dev.facet.cache.PublicRoute;
import dev.facet.downstream.EventLoopClients;
import dev.facet.downstream.IdBatches;
import dev.facet.downstream.ServiceFailure;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import dev.facet.errors.PublicError;
import io.smallrye.mutiny.Uni;

/**
 * Facet's one way to the catalog service. A route the operator declared public ({@code facet.cache.catalog.…}) is
 * read through the public-data cache, as nobody ({@link PublicCatalogClient}) and under the catalog's policy alone
 * ({@link ServiceGuard#callShared}); the asking request waits for it within its own deadline. Products are kept per
 * id, whether read one by one or in a batch, so a batch asks only for the ids not kept.
 */
@ApplicationScoped
public class CatalogService {

    private final EventLoopClients.PerLoop<CatalogClient> client;
    private final EventLoopClients.PerLoop<PublicCatalogClient> publicClient;
    private final ServiceGuard guard;
    private final Optional<PublicRoute<ProductDto>> products;
    private final Optional<PublicRoute<ProductPageDto>> pages;
    private final Optional<PublicRoute<List<CategoryDto>>> categories;

    CatalogService(@RestClient CatalogClient client, @RestClient PublicCatalogClient publicClient,
            ServiceGuards guards, EventLoopClients loops, PublicData publicData) {
        this.client = loops.of(CatalogClient.class, client);
        this.publicClient = loops.of(PublicCatalogClient.class, publicClient);
        this.guard = guards.of("catalog");
        this.products = publicData.route("catalog", "products", ProductDto.class);
        this.pages = publicData.route("catalog", "pages", ProductPageDto.class);
        this.categories = publicData.route("catalog", "categories", new TypeReference<List<CategoryDto>>() { });
    }

    /** The product, or empty when the catalog does not know the id. */
    public Uni<Optional<ProductDto>> product(String id) {
        Uni<ProductDto> read = products.isEmpty() ? guard.call(() -> client.get().product(id))
                : guard.awaitShared(products.get().one(id,
                        () -> guard.callShared(() -> publicClient.get().product(id)).map(Fetched::of)));
        return read
                .map(Optional::of)
                .onFailure(failure -> ServiceFailure.answered(failure, 404)).recoverWithItem(Optional.empty());
    }

    /** The products the catalog knows among {@code ids}, by id. */
    public Uni<Map<String, ProductDto>> products(Collection<String> ids) {
        if (products.isPresent()) {
            return guard.awaitShared(products.get().many(ids,
                    missing -> IdBatches.fetch(missing,
                            csv -> guard.callShared(() -> publicClient.get().products(csv)).map(Fetched::each)),
                    ProductDto::id));
        }
        return IdBatches.fetch(ids, csv -> guard.call(() -> client.get().products(csv)))
                .map(products -> products.stream()
                        .collect(Collectors.toMap(ProductDto::id, Function.identity(), (a, b) -> a)));
    }

    /**
     * One page of a category. {@code cursor} is the catalog's own cursor (null for the first page); the catalog
     * refuses a cursor it did not issue with 400, which is the caller's fault, not ours.
     */
    public Uni<ProductPageDto> page(String categoryId, int limit, String cursor) {
        Uni<ProductPageDto> read = pages.isEmpty() ? guard.call(() -> client.get().page(categoryId, limit, cursor))
                : guard.awaitShared(pages.get().one(pageKey(categoryId, limit, cursor),
                        () -> guard.callShared(() -> publicClient.get().page(categoryId, limit, cursor))
                                .map(Fetched::of)));
        return read
                .onFailure(failure -> ServiceFailure.answered(failure, 400))
                .transform(failure -> PublicError.badInput("The cursor is not valid for this category"));
    }

    /**
     * One key per page asked for: the category id is given with its length, so no id and cursor that contain the
     * separator can make another page's key.
     */
    static String pageKey(String categoryId, int limit, String cursor) {
        return categoryId.length() + ":" + categoryId + "|" + limit + "|" + (cursor == null ? "" : cursor);
    }

    /** Every category, by id. */
    public Uni<Map<String, CategoryDto>> categories() {
        Uni<List<CategoryDto>> read = categories.isEmpty() ? guard.call(() -> client.get().categories())
                : guard.awaitShared(categories.get().one("all",
                        () -> guard.callShared(() -> publicClient.get().categories()).map(Fetched::of)));
        return read
                .map(categories -> categories.stream()
                        .collect(Collectors.toMap(CategoryDto::id, Function.identity(), (a, b) -> a)));
    }
}
