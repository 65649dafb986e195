package dev.facet.graph;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.facet.downstream.reviews.ReviewDto;

/** A review of a product; its author is resolved by {@link ReviewResolver}. */
public final class Review {

    private final ReviewDto dto;

    private Review(ReviewDto dto) {
        this.dto = dto;
    }

    static Review from(ReviewDto dto) {
        return new Review(dto);
    }

    @Id
    @NonNull
    public String getId() {
        return dto.id();
    }

    public int getRating() {
        return dto.rating();
    }

    public String getBody() {
        return dto.body();
    }

    @NonNull
    public Instant getCreatedAt() {
        return Instant.parse(dto.createdAt());
    }

    @Ignore
    String authorId() {
        return dto.authorId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Review review && review.dto.equals(dto);
    }

    @Override
    public int hashCode() {
        return dto.hashCode();
    }
}
