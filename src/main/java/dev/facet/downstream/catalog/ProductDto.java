package dev.facet.downstream.catalog;

import java.util.List;

/** A product as the catalog service answers it. */
public record ProductDto(String id, String name, String description, String categoryId, long priceCents,
        String currency, List<String> imageUrls) {
}
