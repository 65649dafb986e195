package dev.facet.graph.mobile;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.facet.downstream.orders.OrderDto;
import dev.facet.graph.Enums;
import dev.facet.graph.Money;
import dev.facet.graph.OrderStatus;

@Description("An order in one line")
public record OrderSummary(@NonNull @Id String id, OrderStatus status,
        @NonNull @Description("e.g. €12.34") String totalLabel) {

    static OrderSummary from(OrderDto dto) {
        return new OrderSummary(dto.id(), Enums.parse(OrderStatus.class, dto.status()),
                Money.ofMinorUnits(dto.totalCents(), dto.currency()).formatted());
    }
}
