package dev.facet.downstream.inventory;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** The stock read as nobody (no {@code CallerTokenRelay}), for the public-data cache; see {@link InventoryClient}. */
@RegisterRestClient(configKey = "inventory")
interface PublicInventoryClient {

    @GET
    @Path("/stock")
    Uni<RestResponse<List<StockDto>>> stock(@QueryParam("productIds") String productIdsCsv);
}
