package dev.facet.graph.mobile;

import static dev.facet.graph.ShopLoaders.prefetch;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.facet.contract.ServedTo;
import dev.facet.downstream.reviews.RatingDto;
import dev.facet.errors.PublicError;
import dev.facet.graph.Ids;
import dev.facet.graph.Lookahead;
import dev.facet.graph.ShopLoaders;
import dev.facet.graph.SourceOrder;
import io.smallrye.mutiny.Uni;

/** The product detail screen and the stock and rating of every product card. */
@GraphQLApi
public class ProductCardResolver {

    private final ShopLoaders loaders;

    ProductCardResolver(ShopLoaders loaders) {
        this.loaders = loaders;
    }

    @ServedTo("mobile")
    @Query
    @Description("A product card by id; null with a NOT_FOUND error when the catalog has no such product")
    public Uni<ProductCard> productCard(@NonNull @Id String id) {
        Ids.check(id, "id");
        // Stock and rating need only the id: start them with the catalog call.
        Lookahead next = Lookahead.current();
        if (next.selects("inStock")) {
            prefetch(loaders.stock(List.of(id)));
        }
        if (next.selects("ratingAverage") || next.selects("reviewCount")) {
            prefetch(loaders.ratings(List.of(id)));
        }
        return loaders.product(id)
                .map(found -> ProductCard.from(found.orElseThrow(() -> PublicError.notFound("product", id))));
    }

    @Description("Whether at least one can be bought now; null when the inventory service cannot say")
    public Uni<List<Boolean>> inStock(@Source List<ProductCard> cards) {
        return loaders.stock(ids(cards))
                .map(found -> SourceOrder.align(cards, ProductCard::id, found, stock -> stock.available() > 0));
    }

    @Description("Mean rating, 0 without reviews; null when the reviews service cannot say")
    public Uni<List<Double>> ratingAverage(@Source List<ProductCard> cards) {
        return loaders.ratings(ids(cards))
                .map(found -> SourceOrder.align(cards, ProductCard::id, found, RatingDto::average));
    }

    @Description("Number of reviews; null when the reviews service cannot say")
    public Uni<List<Integer>> reviewCount(@Source List<ProductCard> cards) {
        return loaders.ratings(ids(cards))
                .map(found -> SourceOrder.align(cards, ProductCard::id, found, RatingDto::count));
    }

    private static List<String> ids(List<ProductCard> cards) {
        return cards.stream().map(ProductCard::id).toList();
    }
}
