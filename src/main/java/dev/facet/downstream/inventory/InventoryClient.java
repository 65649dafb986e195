package dev.facet.downstream.inventory;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.facet.security.CallerTokenRelay;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "inventory")
@RegisterProvider(CallerTokenRelay.class)
interface InventoryClient {

    @GET
    @Path("/stock")
    Uni<List<StockDto>> stock(@QueryParam("productIds") String productIdsCsv);
}
