package dev.facet.demo;

public record Review(String id, String productId, String authorId, int rating, String body, String createdAt) {
}
