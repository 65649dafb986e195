package dev.facet.graph.mobile;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.facet.contract.ServedTo;
import dev.facet.errors.ErrorCode;
import dev.facet.errors.PublicError;
import dev.facet.graph.First;
import dev.facet.graph.Lookahead;
import dev.facet.graph.ShopLoaders;
import dev.facet.security.Caller;
import io.smallrye.mutiny.Uni;

/** The mobile home screen: greeting, recommendations and recent orders, all started at once. */
@GraphQLApi
public class HomeResolver {

    static final int DEFAULT_RECOMMENDED = 10;
    static final int DEFAULT_RECENT_ORDERS = 3;

    private final ShopLoaders loaders;
    private final Caller caller;

    HomeResolver(ShopLoaders loaders, Caller caller) {
        this.loaders = loaders;
        this.caller = caller;
    }

    @ServedTo("mobile")
    @Query
    @Description("The signed-in user's home screen; null with an UNAUTHENTICATED error for an anonymous caller")
    public Uni<Home> home() {
        String userId = caller.requireUserId();
        // greeting, recommended and recentOrders start together as soon as this returns; the cards' products and
        // stock need only the recommended ids, so they start when those arrive, not after the catalog answers.
        Lookahead next = Lookahead.current();
        boolean stockWanted = next.selects("recommended/inStock");
        next.firstArguments("recommended", DEFAULT_RECOMMENDED)
                .forEach(first -> loaders.prefetchRecommended(userId, first, stockWanted, false));
        return Uni.createFrom().item(new Home(userId));
    }

    @Description("Hello, <name>; null when the accounts service cannot say")
    public Uni<String> greeting(@Source Home home) {
        return loaders.user(home.userId()).map(found -> "Hello, " + found.orElseThrow(
                () -> new PublicError(ErrorCode.NOT_FOUND, "The signed-in user has no account")).name());
    }

    @Description("Best first")
    public Uni<List<ProductCard>> recommended(@Source Home home,
            @DefaultValue("" + DEFAULT_RECOMMENDED) @Description("1 to 100") Integer first) {
        return loaders.recommendedProducts(home.userId(), First.check(first, DEFAULT_RECOMMENDED))
                .map(products -> products.stream().map(ProductCard::from).toList());
    }

    @Description("Newest first")
    public Uni<List<OrderSummary>> recentOrders(@Source Home home,
            @DefaultValue("" + DEFAULT_RECENT_ORDERS) @Description("1 to 100") Integer first) {
        return loaders.orders(home.userId(), First.check(first, DEFAULT_RECENT_ORDERS))
                .map(orders -> orders.stream().map(OrderSummary::from).toList());
    }
}
