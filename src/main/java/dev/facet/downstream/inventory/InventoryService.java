package dev.facet.downstream.inventory;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.facet.cache.Fetched;
import dev.facet.cache.PublicData;
import dev.facet.cache.PublicRoute;
import dev.facet.downstream.EventLoopClients;
import dev.facet.downstream.IdBatches;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import io.smallrye.mutiny.Uni;

/**
 * Facet's one way to the inventory service. Stock changes with every order: it is read per request unless an
 * operator declares it public ({@code facet.cache.inventory.stock.ttl}, a few seconds at most), as the catalog's
 * public routes are ({@code CatalogService}).
 */
@ApplicationScoped
public class InventoryService {

    private final EventLoopClients.PerLoop<InventoryClient> client;
    private final EventLoopClients.PerLoop<PublicInventoryClient> publicClient;
    private final ServiceGuard guard;
    private final Optional<PublicRoute<StockDto>> stockRoute;

    InventoryService(@RestClient InventoryClient client, @RestClient PublicInventoryClient publicClient,
            ServiceGuards guards, EventLoopClients loops, PublicData publicData) {
        this.client = loops.of(InventoryClient.class, client);
        this.publicClient = loops.of(PublicInventoryClient.class, publicClient);
        this.guard = guards.of("inventory");
        this.stockRoute = publicData.route("inventory", "stock", StockDto.class);
    }

    /** The stock of the products among {@code productIds} that the inventory knows, by product id. */
    public Uni<Map<String, StockDto>> stock(Collection<String> productIds) {
        if (stockRoute.isPresent()) {
            return guard.awaitShared(stockRoute.get().many(productIds,
                    missing -> IdBatches.fetch(missing,
                            csv -> guard.callShared(() -> publicClient.get().stock(csv)).map(Fetched::each)),
                    StockDto::productId));
        }
        return IdBatches.fetch(productIds, csv -> guard.call(() -> client.get().stock(csv)))
                .map(stock -> stock.stream()
                        .collect(Collectors.toMap(StockDto::productId, Function.identity(), (a, b) -> a)));
    }
}
