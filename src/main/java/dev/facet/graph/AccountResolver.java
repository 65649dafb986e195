package dev.facet.graph;

import static dev.facet.graph.ShopLoaders.prefetch;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.facet.contract.ServedTo;
import dev.facet.downstream.orders.OrderDto;
import dev.facet.downstream.orders.OrderLineDto;
import dev.facet.errors.ErrorCode;
import dev.facet.errors.PublicError;
import dev.facet.security.Caller;
import io.smallrye.mutiny.Uni;

/** The signed-in user's account page: the account, its orders and its recommendations. */
@GraphQLApi
public class AccountResolver {

    static final int DEFAULT_ORDERS = 10;
    static final int DEFAULT_RECOMMENDATIONS = 10;

    private final ShopLoaders loaders;
    private final Caller caller;

    AccountResolver(ShopLoaders loaders, Caller caller) {
        this.loaders = loaders;
        this.caller = caller;
    }

    @ServedTo("web")
    @Query
    @Description("The signed-in user; null with an UNAUTHENTICATED error for an anonymous caller")
    public Uni<User> me() {
        String userId = caller.requireUserId();
        // Orders and recommendations need only the user id, which the token gave us: start them with the account,
        // and start what their children need as soon as their ids arrive.
        Lookahead next = Lookahead.current();
        boolean lineProductsWanted = next.selects("orders/lines/product");
        next.firstArguments("orders", DEFAULT_ORDERS).forEach(first -> prefetch(
                loaders.orders(userId, first).invoke(orders -> {
                    if (lineProductsWanted) {
                        prefetch(loaders.products(lineProductIds(orders)));
                    }
                })));
        boolean ratingsWanted = next.selects("recommendations/rating");
        next.firstArguments("recommendations", DEFAULT_RECOMMENDATIONS)
                .forEach(first -> loaders.prefetchRecommended(userId, first, false, ratingsWanted));
        return loaders.user(userId).map(found -> User.from(found.orElseThrow(
                () -> new PublicError(ErrorCode.NOT_FOUND, "The signed-in user has no account"))));
    }

    private static List<String> lineProductIds(List<OrderDto> orders) {
        return orders.stream()
                .filter(order -> order.lines() != null)
                .flatMap(order -> order.lines().stream())
                .map(OrderLineDto::productId)
                .toList();
    }

    @Description("Newest first")
    public Uni<List<Order>> orders(@Source User user,
            @DefaultValue("" + DEFAULT_ORDERS) @Description("1 to 100") Integer first) {
        return loaders.orders(user.id(), First.check(first, DEFAULT_ORDERS))
                .map(orders -> orders.stream().map(Order::from).toList());
    }

    @Description("Best first")
    public Uni<List<Product>> recommendations(@Source User user,
            @DefaultValue("" + DEFAULT_RECOMMENDATIONS) @Description("1 to 100") Integer first) {
        return loaders.recommendedProducts(user.id(), First.check(first, DEFAULT_RECOMMENDATIONS))
                .map(products -> products.stream().map(Product::from).toList());
    }
}
