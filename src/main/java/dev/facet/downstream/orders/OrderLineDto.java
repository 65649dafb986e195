package dev.facet.downstream.orders;

/** One line of an order; the unit price is the product's price when the order was placed. */
public record OrderLineDto(String productId, int quantity, long unitPriceCents) {
}
