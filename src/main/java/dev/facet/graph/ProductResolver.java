package dev.facet.graph;

import static dev.facet.graph.ShopLoaders.prefetch;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.facet.contract.ServedTo;
import dev.facet.errors.PublicError;
import io.smallrye.mutiny.Uni;

/** Products: the product page, category pages, and the fields of a product that other services serve. */
@GraphQLApi
public class ProductResolver {

    static final int DEFAULT_REVIEWS = 10;
    static final int DEFAULT_PAGE = 20;

    private final ShopLoaders loaders;
    private final CategoryPages pages;

    ProductResolver(ShopLoaders loaders, CategoryPages pages) {
        this.loaders = loaders;
        this.pages = pages;
    }

    @ServedTo("web")
    @Query
    @Description("A product by id; null with a NOT_FOUND error when the catalog has no such product")
    public Uni<Product> product(@NonNull @Id String id) {
        Ids.check(id, "id");
        // Stock, rating, reviews and categories need nothing the catalog answers: start them with the product.
        Lookahead next = Lookahead.current();
        if (next.selects("stock")) {
            prefetch(loaders.stock(List.of(id)));
        }
        if (next.selects("rating")) {
            prefetch(loaders.ratings(List.of(id)));
        }
        if (next.selects("category")) {
            prefetch(loaders.categories());
        }
        next.firstArguments("reviews", DEFAULT_REVIEWS).forEach(first -> prefetch(loaders.reviews(id, first)));
        return loaders.product(id)
                .map(found -> Product.from(found.orElseThrow(() -> PublicError.notFound("product", id))));
    }

    @ServedTo("web")
    @Query
    @Description("The products of a category, a page at a time, in catalog order")
    public Uni<ProductConnection> products(@NonNull @Id String category,
            @DefaultValue("" + DEFAULT_PAGE) @Description("1 to 100") Integer first,
            @Description("endCursor of the previous page") String after) {
        return pages.page(Ids.check(category, "category"), First.check(first, DEFAULT_PAGE), after);
    }

    @Description("Null when the inventory service cannot say")
    public Uni<List<Stock>> stock(@Source List<Product> products) {
        return loaders.stock(ids(products))
                .map(found -> SourceOrder.align(products, Product::getId, found, Stock::from));
    }

    @Description("Null when the reviews service cannot say")
    public Uni<List<Rating>> rating(@Source List<Product> products) {
        return loaders.ratings(ids(products))
                .map(found -> SourceOrder.align(products, Product::getId, found, Rating::from));
    }

    public Uni<List<Category>> category(@Source List<Product> products) {
        return loaders.categories()
                .map(categories -> SourceOrder.align(products, Product::categoryId, categories, Category::from));
    }

    @Description("Newest first. The reviews service reads one product at a time, so ask for reviews on one product")
    public Uni<List<Review>> reviews(@Source Product product,
            @DefaultValue("" + DEFAULT_REVIEWS) @Description("1 to 100") Integer first) {
        return loaders.reviews(product.getId(), First.check(first, DEFAULT_REVIEWS))
                .map(reviews -> reviews.stream().map(Review::from).toList());
    }

    private static List<String> ids(List<Product> products) {
        return products.stream().map(Product::getId).toList();
    }
}
