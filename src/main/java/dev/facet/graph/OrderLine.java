package dev.facet.graph;

import java.util.Objects;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.facet.downstream.orders.OrderLineDto;

/** One line of an order; its product is resolved by {@link OrderResolver}. */
public final class OrderLine {

    private final String productId;
    private final int quantity;
    private final Money unitPrice;

    private OrderLine(String productId, int quantity, Money unitPrice) {
        this.productId = productId;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    static OrderLine from(OrderLineDto dto, String currency) {
        return new OrderLine(dto.productId(), dto.quantity(), Money.ofMinorUnits(dto.unitPriceCents(), currency));
    }

    public int getQuantity() {
        return quantity;
    }

    @NonNull
    public Money getUnitPrice() {
        return unitPrice;
    }

    @Ignore
    String productId() {
        return productId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderLine line && line.productId.equals(productId) && line.quantity == quantity
                && line.unitPrice.equals(unitPrice);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productId, quantity, unitPrice);
    }
}
