package dev.facet.demo;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Demo of the catalog service. {@code /products/search} and {@code /products/{id}} coexist
 * because JAX-RS prefers the template with more literal characters.
 */
@Path("/demo/catalog")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
@IfBuildProperty(name = "facet.demo.enabled", stringValue = "true")
public class CatalogDemo {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int DEFAULT_SEARCH_LIMIT = 20;

    @GET
    @Path("/products/{id}")
    public Product product(@PathParam("id") String id) {
        return ShopWorld.product(id).orElseThrow(DemoErrors::notFound);
    }

    /**
     * One path, two answers: a list when {@code ids} is given (it wins if both are), a page when
     * {@code category} is. Tests outside HTTP may call {@link #productsByIds} or
     * {@link #categoryPage} directly for a typed answer.
     */
    @GET
    @Path("/products")
    public Object products(
            @QueryParam("ids") String ids,
            @QueryParam("category") String category,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        if (ids != null) {
            return productsByIds(ids);
        }
        if (category != null) {
            return categoryPage(category, limit, cursor);
        }
        throw DemoErrors.missingParameter("ids or category");
    }

    public List<Product> productsByIds(String ids) {
        return QueryParams.ids("ids", ids).stream()
                .map(ShopWorld::product)
                .flatMap(Optional::stream)
                .toList();
    }

    public ProductPage categoryPage(String category, String limit, String cursor) {
        QueryParams.required("category", category);
        int pageSize = QueryParams.limit(limit, DEFAULT_PAGE_SIZE);
        OptionalInt after = OptionalInt.empty();
        if (cursor != null) {
            after = CategoryCursor.decode(cursor);
            if (after.isEmpty()) {
                throw DemoErrors.badCursor();
            }
        }
        OptionalInt categoryNumber = ShopWorld.categoryNumber(category);
        if (categoryNumber.isEmpty()) {
            return new ProductPage(List.of(), null);
        }
        int c = categoryNumber.getAsInt();
        // A cursor from another category would silently skip or repeat products: refuse it.
        if (after.isPresent() && ShopWorld.categoryOf(after.getAsInt()) != c) {
            throw DemoErrors.badCursor();
        }
        int first = after.isPresent() ? after.getAsInt() + ShopWorld.CATEGORIES : c;
        List<Product> items = new ArrayList<>(pageSize);
        int n = first;
        for (; n <= ShopWorld.PRODUCTS && items.size() < pageSize; n += ShopWorld.CATEGORIES) {
            items.add(ShopWorld.product(n));
        }
        // n is now the first product not on this page; no cursor when there is none to come.
        String nextCursor = n <= ShopWorld.PRODUCTS
                ? CategoryCursor.encode(n - ShopWorld.CATEGORIES)
                : null;
        return new ProductPage(items, nextCursor);
    }

    @GET
    @Path("/products/search")
    public List<Product> search(@QueryParam("q") String q, @QueryParam("limit") String limit) {
        String needle = QueryParams.required("q", q).toLowerCase(Locale.ROOT);
        int max = QueryParams.limit(limit, DEFAULT_SEARCH_LIMIT);
        List<Product> found = new ArrayList<>();
        for (int n = 1; n <= ShopWorld.PRODUCTS && found.size() < max; n++) {
            // Every name is "Product N", so the name is derived without building the product.
            if (("product " + n).contains(needle)) {
                found.add(ShopWorld.product(n));
            }
        }
        return found;
    }

    @GET
    @Path("/categories")
    public List<Category> categories() {
        return ShopWorld.categories();
    }
}
