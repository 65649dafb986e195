package dev.facet.downstream.orders;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.facet.downstream.FailureLog;
import dev.facet.downstream.ServiceFailure;
import dev.facet.downstream.EventLoopClients;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import dev.facet.errors.ErrorCode;
import dev.facet.errors.PublicError;
import io.smallrye.mutiny.Uni;

/** Facet's one way to the orders service. */
@ApplicationScoped
public class OrdersService {

    private static final Logger LOG = Logger.getLogger(OrdersService.class);

    private final EventLoopClients.PerLoop<OrdersClient> client;
    private final ServiceGuard guard;
    private final Purchases purchases;

    OrdersService(@RestClient OrdersClient client, ServiceGuards guards, EventLoopClients loops, Purchases purchases) {
        this.client = loops.of(OrdersClient.class, client);
        this.guard = guards.of("orders");
        this.purchases = purchases;
    }

    /** The newest {@code limit} orders of a user; an unknown user has none. */
    public Uni<List<OrderDto>> orders(String userId, int limit) {
        return guard.call(() -> client.get().orders(userId, limit));
    }

    /**
     * Places an order, under the client's {@code idempotencyKey} (checked by the caller: no control characters).
     * The orders service answers a repeated key with the order it already created, so a client that retries after a
     * lost answer never buys twice — and so may Facet: every attempt sends the same key, the digest of the user and
     * the client's key ({@link IdempotencyKey}). A key already used for another cart is refused before any call.
     *
     * <p>When an attempt may have reached the service and no answer says what became of it, the order may exist:
     * the client learns {@code ORDER_OUTCOME_UNKNOWN} and that the same key finds out, never a plain timeout after
     * which it might buy again under a new key.
     */
    public Uni<OrderDto> place(String idempotencyKey, NewOrderDto order) {
        return Uni.createFrom().deferred(() -> {
            IdempotencyKey key = IdempotencyKey.of(order.userId(), idempotencyKey);
            return purchases.claim(key, order.lines()).flatMap(claim -> {
                AtomicBoolean mayBePlaced = new AtomicBoolean();
                return guard.write(() -> client.get().place(key.header(), order)
                                .onFailure(ServiceFailure::mayHaveReached).invoke(() -> mayBePlaced.set(true))
                                // cancelled by its timeout or the deadline, perhaps after the service received it
                                .onCancellation().invoke(() -> mayBePlaced.set(true)))
                        .onFailure().transform(failure -> outcome(failure, mayBePlaced.get(), claim));
            });
        });
    }

    private Throwable outcome(Throwable failure, boolean mayBePlaced, Purchases.Claim claim) {
        if (ServiceFailure.answered(failure, 422) || ServiceFailure.answered(failure, 400)) {
            purchases.release(claim);
            return rejection(failure);
        }
        if (!mayBePlaced) {
            // Refused before it was sent, or by a service that took nothing: no order, the key is free again.
            purchases.release(claim);
            return failure;
        }
        String incident = FailureLog.incident();
        FailureLog.expected(failure, "placeOrder, outcome unknown", incident);
        return new PublicError(ErrorCode.ORDER_OUTCOME_UNKNOWN, "The order may or may not have been placed (incident "
                + incident + "). Send placeOrder again with the same idempotencyKey and the same lines: if the order"
                + " was placed, that returns it and buys nothing more.");
    }

    private static PublicError rejection(Throwable failure) {
        OrderRejection rejection = readRejection(failure);
        if ("unknown_product".equals(rejection.error())) {
            return PublicError.badInput(rejection.productId() == null
                    ? "The order names a product that does not exist"
                    : "Product '" + rejection.productId() + "' does not exist");
        }
        if ("unknown_user".equals(rejection.error())) {
            return new PublicError(ErrorCode.NOT_FOUND, "The signed-in user has no account");
        }
        return PublicError.badInput("The order was refused");
    }

    private static OrderRejection readRejection(Throwable failure) {
        try {
            OrderRejection body = ServiceFailure.errorAnswer(failure)
                    .map(answer -> answer.getResponse().readEntity(OrderRejection.class)).orElse(null);
            return body == null ? new OrderRejection(null, null) : body;
        } catch (RuntimeException unreadable) {
            LOG.debugf(unreadable, "Unreadable rejection from the orders service");
            return new OrderRejection(null, null);
        }
    }
}
