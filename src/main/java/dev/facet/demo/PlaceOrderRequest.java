package dev.facet.demo;

import java.util.List;

/** Body of {@code POST /orders}. */
public record PlaceOrderRequest(String userId, List<Line> lines) {

    public record Line(String productId, Integer quantity) {
    }
}
