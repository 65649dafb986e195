package dev.facet.graph;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record ProductEdge(@NonNull @Description("Opaque; pass as after to continue behind this product") String cursor,
        @NonNull Product node) {
}
