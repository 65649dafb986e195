package dev.facet.graph.mobile;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.facet.downstream.catalog.ProductDto;
import dev.facet.graph.Money;

@Description("A product as the phone shows it")
public record ProductCard(
        @NonNull @Id String id,
        @NonNull String title,
        @NonNull @Description("e.g. €12.34") String priceLabel,
        @Description("The product's first image") String thumbnailUrl) {

    static ProductCard from(ProductDto dto) {
        String thumbnail = dto.imageUrls() == null || dto.imageUrls().isEmpty() ? null : dto.imageUrls().get(0);
        return new ProductCard(dto.id(), dto.name(), Money.ofMinorUnits(dto.priceCents(), dto.currency()).formatted(),
                thumbnail);
    }
}
