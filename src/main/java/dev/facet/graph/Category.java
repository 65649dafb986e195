package dev.facet.graph;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.facet.downstream.catalog.CategoryDto;

public record Category(@NonNull @Id String id, @NonNull String name) {

    static Category from(CategoryDto dto) {
        return new Category(dto.id(), dto.name());
    }
}
