package dev.facet.graph;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facet.downstream.catalog.CatalogService;
import dev.facet.downstream.catalog.ProductDto;
import dev.facet.downstream.catalog.ProductPageDto;
import dev.facet.errors.PublicError;
import io.smallrye.mutiny.Uni;

/**
 * Turns the catalog's page-and-next-cursor paging into a Relay connection. The cursor of a page's last product is
 * the catalog's next-page cursor, so resuming from {@code endCursor} reads exactly one catalog page; resuming
 * from a product in the middle of a page re-reads that page's head and skips it.
 */
@ApplicationScoped
class CategoryPages {

    private final CatalogService catalog;

    CategoryPages(CatalogService catalog) {
        this.catalog = catalog;
    }

    Uni<ProductConnection> page(String categoryId, int first, String after) {
        ProductCursor start = after == null ? ProductCursor.START : ProductCursor.decode(after);
        int limit = start.skip() + first;
        if (limit > First.MAX) {
            return Uni.createFrom().failure(PublicError.badInput(
                    "Resume from pageInfo.endCursor, or ask for fewer products after this cursor"));
        }
        return catalog.page(categoryId, limit, start.catalogCursor()).map(page -> connection(start, page));
    }

    private static ProductConnection connection(ProductCursor start, ProductPageDto page) {
        List<ProductDto> items = page.items() == null ? List.of() : page.items();
        List<ProductEdge> edges = new ArrayList<>();
        for (int position = start.skip(); position < items.size(); position++) {
            boolean lastOfCatalogPage = position == items.size() - 1 && page.nextCursor() != null;
            ProductCursor after = lastOfCatalogPage
                    ? new ProductCursor(page.nextCursor(), 0)
                    : new ProductCursor(start.catalogCursor(), position + 1);
            edges.add(new ProductEdge(after.encode(), Product.from(items.get(position))));
        }
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new ProductConnection(edges, new PageInfo(page.nextCursor() != null, endCursor));
    }
}
