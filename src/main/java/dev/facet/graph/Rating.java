package dev.facet.graph;

import org.eclipse.microprofile.graphql.Description;

import dev.facet.downstream.reviews.RatingDto;

@Description("A product's reviews in summary; a product without reviews has average 0 and count 0")
public record Rating(@Description("Mean rating, 1 to 5, as the reviews service computes it") double average,
        int count) {

    static Rating from(RatingDto dto) {
        return new Rating(dto.average(), dto.count());
    }
}
