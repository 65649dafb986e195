package dev.facet.downstream.inventory;

/** A product's stock as the inventory service answers it. */
public record StockDto(String productId, int available, String warehouse) {
}
