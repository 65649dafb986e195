package dev.facet.downstream.orders;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.facet.downstream.ServiceFailure;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import dev.facet.errors.ErrorCode;
import dev.facet.errors.PublicError;
import io.smallrye.mutiny.Uni;

/** Facet's one way to the orders service. */
@ApplicationScoped
public class OrdersService {

    private static final Logger LOG = Logger.getLogger(OrdersService.class);

    private final OrdersClient client;
    private final ServiceGuard guard;

    OrdersService(@RestClient OrdersClient client, ServiceGuards guards) {
        this.client = client;
        this.guard = guards.of("orders");
    }

    /** The newest {@code limit} orders of a user; an unknown user has none. */
    public Uni<List<OrderDto>> orders(String userId, int limit) {
        return guard.call(() -> client.orders(userId, limit));
    }

    /**
     * Places an order. The orders service answers a repeated {@code idempotencyKey} with the order it already
     * created, so a client that retries after a lost answer never buys twice — and so may Facet: every attempt
     * sends the same key.
     */
    public Uni<OrderDto> place(String idempotencyKey, NewOrderDto order) {
        return guard.write(() -> client.place(idempotencyKey, order))
                .onFailure(failure -> ServiceFailure.answered(failure, 422) || ServiceFailure.answered(failure, 400))
                .transform(OrdersService::rejection);
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
