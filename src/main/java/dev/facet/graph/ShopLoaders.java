package dev.facet.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import dev.facet.downstream.accounts.AccountsService;
import dev.facet.downstream.accounts.UserDto;
import dev.facet.downstream.catalog.CatalogService;
import dev.facet.downstream.catalog.CategoryDto;
import dev.facet.downstream.catalog.ProductDto;
import dev.facet.downstream.inventory.InventoryService;
import dev.facet.downstream.inventory.StockDto;
import dev.facet.downstream.orders.OrderDto;
import dev.facet.downstream.orders.OrdersService;
import dev.facet.downstream.recommendations.RecommendationDto;
import dev.facet.downstream.recommendations.RecommendationsService;
import dev.facet.downstream.reviews.RatingDto;
import dev.facet.downstream.reviews.ReviewDto;
import dev.facet.downstream.reviews.ReviewsService;
import io.smallrye.mutiny.Uni;

/**
 * Every downstream read of one GraphQL request goes through here. graphql-java resolves a field's children only
 * after the field itself, so a root resolver that already knows an id starts its children's calls at once
 * ({@link #prefetch(Uni)}); when the children's batch resolvers run, they find those calls here instead of making
 * them again.
 */
@RequestScoped
public class ShopLoaders {

    private final CatalogService catalog;
    private final ReviewsService reviews;
    private final OrdersService orders;
    private final RecommendationsService recommendations;

    private final BatchMemo<String, ProductDto> products;
    private final BatchMemo<String, StockDto> stock;
    private final BatchMemo<String, RatingDto> ratings;
    private final BatchMemo<String, UserDto> users;
    private final Memo<String, Map<String, CategoryDto>> allCategories = new Memo<>();
    private final Memo<ListKey, List<ReviewDto>> reviewsOfProduct = new Memo<>();
    private final Memo<ListKey, List<OrderDto>> ordersOfUser = new Memo<>();
    private final Memo<ListKey, List<RecommendationDto>> recommendationsOfUser = new Memo<>();

    ShopLoaders(CatalogService catalog, InventoryService inventory, ReviewsService reviews, AccountsService accounts,
            OrdersService orders, RecommendationsService recommendations) {
        this.catalog = catalog;
        this.reviews = reviews;
        this.orders = orders;
        this.recommendations = recommendations;
        // A batch of one is the single-resource read: the services answer an unknown id there with a plain 404.
        this.products = new BatchMemo<>(ids -> ids.size() == 1 ? one(ids.get(0), catalog.product(ids.get(0)))
                : catalog.products(ids));
        this.users = new BatchMemo<>(ids -> ids.size() == 1 ? one(ids.get(0), accounts.user(ids.get(0)))
                : accounts.users(ids));
        this.stock = new BatchMemo<>(inventory::stock);
        this.ratings = new BatchMemo<>(reviews::ratings);
    }

    /** Starts a load now and forgets about it; whoever needs the answer later gets it from the memo. */
    public static void prefetch(Uni<?> load) {
        // A failure is not lost: the memo replays it to the resolver that reads the answer.
        load.subscribe().with(ignored -> {
        }, ignored -> {
        });
    }

    public Uni<Optional<ProductDto>> product(String id) {
        return products.getAll(List.of(id)).map(found -> Optional.ofNullable(found.get(id)));
    }

    public Uni<Map<String, ProductDto>> products(Collection<String> ids) {
        return products.getAll(ids);
    }

    public Uni<Map<String, CategoryDto>> categories() {
        return allCategories.get("all", catalog::categories);
    }

    public Uni<Map<String, StockDto>> stock(Collection<String> productIds) {
        return stock.getAll(productIds);
    }

    public Uni<Map<String, RatingDto>> ratings(Collection<String> productIds) {
        return ratings.getAll(productIds);
    }

    public Uni<List<ReviewDto>> reviews(String productId, int limit) {
        return reviewsOfProduct.get(new ListKey(productId, limit), () -> reviews.reviews(productId, limit));
    }

    public Uni<Optional<UserDto>> user(String id) {
        return users.getAll(List.of(id)).map(found -> Optional.ofNullable(found.get(id)));
    }

    public Uni<Map<String, UserDto>> users(Collection<String> ids) {
        return users.getAll(ids);
    }

    public Uni<List<OrderDto>> orders(String userId, int limit) {
        return ordersOfUser.get(new ListKey(userId, limit), () -> orders.orders(userId, limit));
    }

    public Uni<List<RecommendationDto>> recommendations(String userId, int limit) {
        return recommendationsOfUser.get(new ListKey(userId, limit),
                () -> recommendations.recommendations(userId, limit));
    }

    /** The products recommended to a user, best first; products the catalog no longer has are left out. */
    public Uni<List<ProductDto>> recommendedProducts(String userId, int limit) {
        return recommendedIds(userId, limit).flatMap(ids -> products(ids)
                .map(found -> ids.stream().map(found::get).filter(Objects::nonNull).toList()));
    }

    /**
     * Starts reading a user's recommendations and, as soon as their ids arrive, the recommended products and —
     * when the client selected them — their stock and ratings, without waiting for anything else.
     */
    public void prefetchRecommended(String userId, int limit, boolean withStock, boolean withRatings) {
        prefetch(recommendedIds(userId, limit).invoke(ids -> {
            prefetch(products(ids));
            if (withStock) {
                prefetch(stock(ids));
            }
            if (withRatings) {
                prefetch(ratings(ids));
            }
        }));
    }

    /** The ids of the products recommended to a user, best first. */
    public Uni<List<String>> recommendedIds(String userId, int limit) {
        return recommendations(userId, limit)
                .map(picks -> picks.stream().map(RecommendationDto::productId).toList());
    }

    private static <V> Uni<Map<String, V>> one(String id, Uni<Optional<V>> read) {
        return read.map(found -> found.<Map<String, V>>map(value -> Map.of(id, value)).orElse(Map.of()));
    }

    /** A list read is the same read only with the same owner and the same size. */
    private record ListKey(String ownerId, int limit) {
    }
}
