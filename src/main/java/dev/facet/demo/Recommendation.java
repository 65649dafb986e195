package dev.facet.demo;

public record Recommendation(String productId, double score) {
}
