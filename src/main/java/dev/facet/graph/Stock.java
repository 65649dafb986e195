package dev.facet.graph;

import org.eclipse.microprofile.graphql.Description;

import dev.facet.downstream.inventory.StockDto;

@Description("How many of a product can be bought now")
public record Stock(int available) {

    static Stock from(StockDto dto) {
        return new Stock(dto.available());
    }
}
