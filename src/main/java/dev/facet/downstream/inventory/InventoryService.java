package dev.facet.downstream.inventory;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.facet.downstream.IdBatches;
import io.smallrye.mutiny.Uni;

/** Facet's one way to the inventory service. */
@ApplicationScoped
public class InventoryService {

    private final InventoryClient client;

    InventoryService(@RestClient InventoryClient client) {
        this.client = client;
    }

    /** The stock of the products among {@code productIds} that the inventory knows, by product id. */
    public Uni<Map<String, StockDto>> stock(Collection<String> productIds) {
        return IdBatches.fetch(productIds, client::stock)
                .map(stock -> stock.stream()
                        .collect(Collectors.toMap(StockDto::productId, Function.identity(), (a, b) -> a)));
    }
}
