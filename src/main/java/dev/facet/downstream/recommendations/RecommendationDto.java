package dev.facet.downstream.recommendations;

/** One recommended product with its score; the service answers them best first. */
public record RecommendationDto(String productId, double score) {
}
