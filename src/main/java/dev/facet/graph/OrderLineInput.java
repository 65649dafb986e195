package dev.facet.graph;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("OrderLineInput")
public record OrderLineInput(@NonNull @Id String productId, int quantity) {
}
