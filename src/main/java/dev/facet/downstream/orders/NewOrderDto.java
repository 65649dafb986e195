package dev.facet.downstream.orders;

import java.util.List;

/** The body of {@code POST /orders}. */
public record NewOrderDto(String userId, List<Line> lines) {

    public record Line(String productId, int quantity) {
    }
}
