package dev.facet.graph;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Singleton;

import org.dataloader.BatchLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.MappedBatchLoader;
import org.dataloader.Try;

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
import dev.facet.execution.RequestContexts;
import dev.facet.execution.TickLoader;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Every downstream read of one GraphQL request goes through here, remembered for the request by java-dataloader.
 * graphql-java resolves a field's children only
 * after the field itself, so a root resolver that already knows an id starts its children's calls at once
 * ({@link #prefetch(Uni)}); when the children's batch resolvers run, they find those calls here instead of making
 * them again.
 */
@Singleton
public class ShopLoaders {

    private static final String ALL = "all";
    private static final String KEY = ShopLoaders.class.getName();

    private final CatalogService catalog;
    private final InventoryService inventory;
    private final ReviewsService reviews;
    private final AccountsService accounts;
    private final OrdersService orders;
    private final RecommendationsService recommendations;

    ShopLoaders(CatalogService catalog, InventoryService inventory, ReviewsService reviews, AccountsService accounts,
            OrdersService orders, RecommendationsService recommendations) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.reviews = reviews;
        this.accounts = accounts;
        this.orders = orders;
        this.recommendations = recommendations;
    }

    /**
     * The reads of one request: its loaders, each remembering what it read, each made when the request first reads
     * through it — a page uses three to five of the eight, and a loader is a kilobyte of java-dataloader's state.
     * Made without a lock: like the request's other locals, they are read only on the request's event loop.
     */
    private final class Reads {
        private TickLoader<String, ProductDto> products;
        private TickLoader<String, UserDto> users;
        private TickLoader<String, StockDto> stock;
        private TickLoader<String, RatingDto> ratings;
        private TickLoader<String, Map<String, CategoryDto>> allCategories;
        private TickLoader<ListKey, List<ReviewDto>> reviewsOfProduct;
        private TickLoader<ListKey, List<OrderDto>> ordersOfUser;
        private TickLoader<ListKey, List<RecommendationDto>> recommendationsOfUser;

        // A batch of one is the single-resource read: the services answer an unknown id there with a plain 404.
        TickLoader<String, ProductDto> products() {
            if (products == null) {
                products = batched(ids -> ids.size() == 1
                        ? one(ids.get(0), catalog.product(ids.get(0))) : catalog.products(ids));
            }
            return products;
        }

        TickLoader<String, UserDto> users() {
            if (users == null) {
                users = batched(ids -> ids.size() == 1
                        ? one(ids.get(0), accounts.user(ids.get(0))) : accounts.users(ids));
            }
            return users;
        }

        TickLoader<String, StockDto> stock() {
            if (stock == null) {
                stock = batched(inventory::stock);
            }
            return stock;
        }

        TickLoader<String, RatingDto> ratings() {
            if (ratings == null) {
                ratings = batched(reviews::ratings);
            }
            return ratings;
        }

        TickLoader<String, Map<String, CategoryDto>> allCategories() {
            if (allCategories == null) {
                allCategories = remembered(ignored -> catalog.categories());
            }
            return allCategories;
        }

        TickLoader<ListKey, List<ReviewDto>> reviewsOfProduct() {
            if (reviewsOfProduct == null) {
                reviewsOfProduct = remembered(key -> reviews.reviews(key.ownerId(), key.limit()));
            }
            return reviewsOfProduct;
        }

        TickLoader<ListKey, List<OrderDto>> ordersOfUser() {
            if (ordersOfUser == null) {
                ordersOfUser = remembered(key -> orders.orders(key.ownerId(), key.limit()));
            }
            return ordersOfUser;
        }

        TickLoader<ListKey, List<RecommendationDto>> recommendationsOfUser() {
            if (recommendationsOfUser == null) {
                recommendationsOfUser = remembered(
                        key -> recommendations.recommendations(key.ownerId(), key.limit()));
            }
            return recommendationsOfUser;
        }
    }

    /**
     * This request's reads, kept in the request's Vert.x context like everything else the request carries (see
     * {@link RequestContexts}): made the first time the request reads something. Outside a request (no Vert.x
     * context) every call reads afresh.
     */
    private Reads reads() {
        Context request = RequestContexts.current();
        if (request == null) {
            return new Reads();
        }
        Reads reads = request.getLocal(KEY);
        if (reads == null) {
            reads = new Reads();
            request.putLocal(KEY, reads);
        }
        return reads;
    }

    /**
     * A read by ids: the ids asked for during one event-loop turn leave together ({@link TickLoader}), and an id
     * asked for again — in flight, answered or failed — is never sent again. java-dataloader forgets the keys of a
     * batch that failed as a whole, so a failure is handed over per id ({@link Try}) and remembered like an answer:
     * the field that reads it later gets the same failure instead of asking a failing service again.
     */
    private static <V> TickLoader<String, V> batched(Function<List<String>, Uni<Map<String, V>>> fetch) {
        MappedBatchLoader<String, Try<V>> load = ids -> fetch.apply(List.copyOf(ids))
                .map(found -> {
                    Map<String, Try<V>> tries = new HashMap<>();
                    found.forEach((id, value) -> tries.put(id, Try.succeeded(value)));
                    return tries;
                })
                .onFailure().recoverWithItem(failure -> {
                    Map<String, Try<V>> failed = new HashMap<>();
                    ids.forEach(id -> failed.put(id, Try.failed(failure)));
                    return failed;
                })
                .subscribeAsCompletionStage();
        return new TickLoader<>(DataLoaderFactory.newMappedDataLoaderWithTry(load));
    }

    /**
     * A read that takes one key (a product's reviews, a user's orders): the keys of one turn are read side by side,
     * one call each, and each answer or failure is remembered for the rest of the request.
     */
    private static <K, V> TickLoader<K, V> remembered(Function<K, Uni<V>> fetch) {
        BatchLoader<K, Try<V>> load = keys -> Uni.join().all(keys.stream()
                        .map(key -> fetch.apply(key).map(Try::succeeded).onFailure().recoverWithItem(Try::<V>failed))
                        .toList())
                .andFailFast()
                .subscribeAsCompletionStage();
        return new TickLoader<>(DataLoaderFactory.newDataLoaderWithTry(load));
    }

    /** Starts a load now and forgets about it; whoever needs the answer later gets it from the memo. */
    public static void prefetch(Uni<?> load) {
        // A failure is not lost: the memo replays it to the resolver that reads the answer.
        load.subscribe().with(ignored -> {
        }, ignored -> {
        });
    }

    public Uni<Optional<ProductDto>> product(String id) {
        return Uni.createFrom().completionStage(reads().products().load(id)).map(Optional::ofNullable);
    }

    public Uni<Map<String, ProductDto>> products(Collection<String> ids) {
        return all(reads().products(), ids);
    }

    public Uni<Map<String, CategoryDto>> categories() {
        return Uni.createFrom().completionStage(reads().allCategories().load(ALL));
    }

    public Uni<Map<String, StockDto>> stock(Collection<String> productIds) {
        return all(reads().stock(), productIds);
    }

    public Uni<Map<String, RatingDto>> ratings(Collection<String> productIds) {
        return all(reads().ratings(), productIds);
    }

    public Uni<List<ReviewDto>> reviews(String productId, int limit) {
        return Uni.createFrom().completionStage(reads().reviewsOfProduct().load(new ListKey(productId, limit)));
    }

    public Uni<Optional<UserDto>> user(String id) {
        return Uni.createFrom().completionStage(reads().users().load(id)).map(Optional::ofNullable);
    }

    public Uni<Map<String, UserDto>> users(Collection<String> ids) {
        return all(reads().users(), ids);
    }

    public Uni<List<OrderDto>> orders(String userId, int limit) {
        return Uni.createFrom().completionStage(reads().ordersOfUser().load(new ListKey(userId, limit)));
    }

    public Uni<List<RecommendationDto>> recommendations(String userId, int limit) {
        return Uni.createFrom().completionStage(reads().recommendationsOfUser().load(new ListKey(userId, limit)));
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

    /** The values of {@code ids} that exist, by id. */
    private static <V> Uni<Map<String, V>> all(TickLoader<String, V> loader, Collection<String> ids) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(ids));
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.createFrom().completionStage(loader.loadMany(wanted)).map(values -> {
            Map<String, V> found = new LinkedHashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                if (values.get(i) != null) {
                    found.put(wanted.get(i), values.get(i));
                }
            }
            return found;
        });
    }

    private static <V> Uni<Map<String, V>> one(String id, Uni<Optional<V>> read) {
        return read.map(found -> found.<Map<String, V>>map(value -> Map.of(id, value)).orElse(Map.of()));
    }

    /** A list read is the same read only with the same owner and the same size. */
    private record ListKey(String ownerId, int limit) {
    }
}
