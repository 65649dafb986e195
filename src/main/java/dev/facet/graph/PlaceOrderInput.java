package dev.facet.graph;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PlaceOrderInput")
public record PlaceOrderInput(
        @NonNull List<@NonNull OrderLineInput> lines,
        @NonNull @Description("Chosen by the client per purchase; sending it again never buys twice")
        String idempotencyKey) {
}
