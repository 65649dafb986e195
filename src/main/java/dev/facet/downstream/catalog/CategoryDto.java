package dev.facet.downstream.catalog;

/** A category as the catalog service answers it. */
public record CategoryDto(String id, String name) {
}
