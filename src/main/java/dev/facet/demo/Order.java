package dev.facet.demo;

import java.util.List;

/** {@code totalCents} is a long because placed orders take any positive quantity from the caller. */
public record Order(
        String id,
        String userId,
        OrderStatus status,
        List<OrderLine> lines,
        long totalCents,
        String currency,
        String placedAt) {
}
