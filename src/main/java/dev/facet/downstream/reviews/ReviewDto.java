package dev.facet.downstream.reviews;

/** A review as the reviews service answers it. */
public record ReviewDto(String id, String productId, String authorId, int rating, String body, String createdAt) {
}
