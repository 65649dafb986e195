package dev.facet.demo;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Demo of the orders service: the seeded orders of {@link ShopWorld} plus the orders placed
 * since this instance was created, kept in memory. One instance is one service: tests get a
 * fresh, empty one with {@code new OrdersDemo()}.
 */
@Path("/demo/orders")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
@Singleton
@IfBuildProperty(name = "facet.demo.enabled", stringValue = "true")
public class OrdersDemo {

    static final int DEFAULT_LIMIT = 10;

    /** Key of an idempotent placement: per user, so one user's key can never answer another user's order. */
    private record PlacementKey(String userId, String idempotencyKey) {
    }

    // One lock for all three maps: a placement must appear in all of them at once, and
    // contention is irrelevant for a dev stand-in.
    private final Object lock = new Object();
    private final Map<PlacementKey, Order> byPlacementKey = new HashMap<>();
    private final Map<String, Order> placedById = new HashMap<>();
    private final Map<String, Deque<Order>> placedByUser = new HashMap<>();

    @GET
    @Path("/orders")
    public List<Order> orders(@QueryParam("userId") String userId, @QueryParam("limit") String limit) {
        QueryParams.required("userId", userId);
        int max = QueryParams.limit(limit, DEFAULT_LIMIT);
        OptionalInt n = ShopWorld.userNumber(userId);
        if (n.isEmpty()) {
            return List.of();
        }
        List<Order> orders = new ArrayList<>();
        synchronized (lock) {
            orders.addAll(placedByUser.getOrDefault(userId, new ArrayDeque<>()));
        }
        // Placed orders are all newer than the seeded ones (which date from 2025-01-01 on).
        orders.addAll(ShopWorld.priorOrders(n.getAsInt()));
        return orders.subList(0, Math.min(max, orders.size()));
    }

    @GET
    @Path("/orders/{id}")
    public Order order(@PathParam("id") String id) {
        Order placed;
        synchronized (lock) {
            placed = placedById.get(id);
        }
        if (placed != null) {
            return placed;
        }
        return ShopWorld.priorOrder(id).orElseThrow(DemoErrors::notFound);
    }

    /**
     * Places an order. A repeated Idempotency-Key of the same user answers the first order
     * again (201 again, the body of the repeat is not compared) and creates nothing; requests
     * that failed are not remembered, so a corrected retry with the same key places the order.
     */
    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<Order> place(
            @HeaderParam("Idempotency-Key") String idempotencyKey, PlaceOrderRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw DemoErrors.missingIdempotencyKey();
        }
        checkWellFormed(request);
        if (ShopWorld.userNumber(request.userId()).isEmpty()) {
            throw DemoErrors.unknownUser();
        }
        PlacementKey key = new PlacementKey(request.userId(), idempotencyKey);
        synchronized (lock) {
            Order earlier = byPlacementKey.get(key);
            if (earlier != null) {
                return RestResponse.status(RestResponse.Status.CREATED, earlier);
            }
            Order order = newOrder(request);
            byPlacementKey.put(key, order);
            placedById.put(order.id(), order);
            placedByUser.computeIfAbsent(order.userId(), u -> new ArrayDeque<>()).addFirst(order);
            return RestResponse.status(RestResponse.Status.CREATED, order);
        }
    }

    private static void checkWellFormed(PlaceOrderRequest request) {
        if (request == null) {
            throw DemoErrors.badRequest("a JSON body is required");
        }
        if (request.userId() == null) {
            throw DemoErrors.badRequest("userId is required");
        }
        if (request.lines() == null || request.lines().isEmpty()) {
            throw DemoErrors.badRequest("at least one line is required");
        }
        for (PlaceOrderRequest.Line line : request.lines()) {
            if (line == null || line.productId() == null) {
                throw DemoErrors.badRequest("every line needs a productId");
            }
            if (line.quantity() == null || line.quantity() < 1) {
                throw DemoErrors.badRequest("every line needs a quantity of at least 1");
            }
        }
    }

    private static Order newOrder(PlaceOrderRequest request) {
        List<OrderLine> lines = new ArrayList<>(request.lines().size());
        for (PlaceOrderRequest.Line line : request.lines()) {
            Optional<Product> product = ShopWorld.product(line.productId());
            if (product.isEmpty()) {
                throw DemoErrors.unknownProduct(line.productId());
            }
            lines.add(new OrderLine(line.productId(), line.quantity(), product.get().priceCents()));
        }
        return new Order(
                "o-" + UUID.randomUUID(),
                request.userId(),
                OrderStatus.PLACED,
                List.copyOf(lines),
                ShopWorld.totalCents(lines),
                ShopWorld.CURRENCY,
                // Whole seconds, so the text has no fraction, like every other timestamp.
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
