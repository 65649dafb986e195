package dev.facet.graph;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import dev.facet.contract.ServedTo;
import dev.facet.downstream.orders.NewOrderDto;
import dev.facet.downstream.orders.OrdersService;
import dev.facet.errors.PublicError;
import dev.facet.security.Caller;
import io.smallrye.mutiny.Uni;

/** Placing orders, and the products on order lines. */
@GraphQLApi
public class OrderResolver {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 999;
    static final int MAX_KEY_LENGTH = 200;

    private final ShopLoaders loaders;
    private final OrdersService orders;
    private final Caller caller;

    OrderResolver(ShopLoaders loaders, OrdersService orders, Caller caller) {
        this.loaders = loaders;
        this.orders = orders;
        this.caller = caller;
    }

    @ServedTo("web")
    @Mutation
    @Description("Places an order for the signed-in user. The same idempotencyKey again returns the same order")
    public Uni<Order> placeOrder(@NonNull PlaceOrderInput input) {
        String userId = caller.requireUserId();
        return orders.place(checkedKey(input.idempotencyKey()), new NewOrderDto(userId, checkedLines(input.lines())))
                .map(Order::from);
    }

    @Description("Null when the catalog no longer has the product")
    public Uni<List<Product>> product(@Source List<OrderLine> lines) {
        return loaders.products(lines.stream().map(OrderLine::productId).toList())
                .map(found -> SourceOrder.align(lines, OrderLine::productId, found, Product::from));
    }

    /**
     * A key Facet can keep apart from every other: not blank, not too long, and plain text — no control characters
     * (line breaks included) and no half of a surrogate pair, which has no UTF-8 form and would turn into the same
     * replacement character as any other half.
     */
    private static String checkedKey(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw PublicError.badInput("idempotencyKey must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < key.length()
                    && Character.isLowSurrogate(key.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                throw PublicError.badInput("idempotencyKey must not contain control characters");
            }
        }
        return key;
    }

    private static List<NewOrderDto.Line> checkedLines(List<OrderLineInput> lines) {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw PublicError.badInput("An order has 1 to " + MAX_LINES + " lines");
        }
        return lines.stream().map(line -> {
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw PublicError.badInput("quantity must be between 1 and " + MAX_QUANTITY);
            }
            return new NewOrderDto.Line(Ids.check(line.productId(), "productId"), line.quantity());
        }).toList();
    }
}
