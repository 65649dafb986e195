package dev.facet.graph;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.facet.downstream.catalog.ProductDto;

/** A product of the catalog; stock, rating, reviews and category are resolved by {@link ProductResolver}. */
public final class Product {

    private final ProductDto dto;

    private Product(ProductDto dto) {
        this.dto = dto;
    }

    public static Product from(ProductDto dto) {
        return new Product(dto);
    }

    @Id
    @NonNull
    public String getId() {
        return dto.id();
    }

    @NonNull
    public String getName() {
        return dto.name();
    }

    public String getDescription() {
        return dto.description();
    }

    @NonNull
    public List<@NonNull String> getImages() {
        return dto.imageUrls() == null ? List.of() : dto.imageUrls();
    }

    @NonNull
    public Money getPrice() {
        return Money.ofMinorUnits(dto.priceCents(), dto.currency());
    }

    @Ignore
    String categoryId() {
        return dto.categoryId();
    }

    // Batch loaders key on the source object: two products are the same key when they are the same product.
    @Override
    public boolean equals(Object other) {
        return other instanceof Product product && product.dto.equals(dto);
    }

    @Override
    public int hashCode() {
        return dto.hashCode();
    }
}
