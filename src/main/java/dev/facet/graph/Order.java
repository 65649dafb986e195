package dev.facet.graph;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.facet.downstream.orders.OrderDto;

public record Order(@NonNull @Id String id, OrderStatus status, Instant placedAt, @NonNull Money total,
        @NonNull List<@NonNull OrderLine> lines) {

    public static Order from(OrderDto dto) {
        List<OrderLine> lines = dto.lines() == null ? List.of()
                : dto.lines().stream().map(line -> OrderLine.from(line, dto.currency())).toList();
        return new Order(dto.id(), Enums.parse(OrderStatus.class, dto.status()),
                dto.placedAt() == null ? null : Instant.parse(dto.placedAt()),
                Money.ofMinorUnits(dto.totalCents(), dto.currency()), lines);
    }
}
