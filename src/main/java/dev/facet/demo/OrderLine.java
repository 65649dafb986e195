package dev.facet.demo;

public record OrderLine(String productId, int quantity, int unitPriceCents) {
}
