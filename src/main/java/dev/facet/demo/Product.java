package dev.facet.demo;

import java.util.List;

public record Product(
        String id,
        String name,
        String description,
        String categoryId,
        int priceCents,
        String currency,
        List<String> imageUrls) {
}
