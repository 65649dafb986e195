package dev.facet.downstream.reviews;

/** A product's rating summary; a product without reviews has average 0 and count 0. */
public record RatingDto(String productId, double average, int count) {
}
