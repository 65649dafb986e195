package dev.facet.graph;

public record PageInfo(boolean hasNextPage, String endCursor) {
}
