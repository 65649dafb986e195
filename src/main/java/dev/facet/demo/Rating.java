package dev.facet.demo;

public record Rating(String productId, double average, int count) {
}
