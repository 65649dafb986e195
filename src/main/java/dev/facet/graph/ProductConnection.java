package dev.facet.graph;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of products, Relay style: resume with after: pageInfo.endCursor")
public record ProductConnection(@NonNull List<@NonNull ProductEdge> edges, @NonNull PageInfo pageInfo) {
}
