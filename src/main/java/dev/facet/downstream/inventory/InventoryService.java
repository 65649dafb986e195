package dev.facet.downstream.inventory;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.facet.downstream.IdBatches;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import io.smallrye.mutiny.Uni;

/** Facet's one way to the inventory service. */
@ApplicationScoped
public class InventoryService {

    private final InventoryClient client;
    private final ServiceGuard guard;

    InventoryService(@RestClient InventoryClient client, ServiceGuards guards) {
        this.client = client;
        this.guard = guards.of("inventory");
    }

    /** The stock of the products among {@code productIds} that the inventory knows, by product id. */
    public Uni<Map<String, StockDto>> stock(Collection<String> productIds) {
        return IdBatches.fetch(productIds, csv -> guard.call(() -> client.stock(csv)))
                .map(stock -> stock.stream()
                        .collect(Collectors.toMap(StockDto::productId, Function.identity(), (a, b) -> a)));
    }
}
