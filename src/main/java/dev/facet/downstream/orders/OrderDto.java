package dev.facet.downstream.orders;

import java.util.List;

/** An order as the orders service answers it. */
public record OrderDto(String id, String userId, String status, List<OrderLineDto> lines, long totalCents,
        String currency, String placedAt) {
}
