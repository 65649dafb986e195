package dev.facet.demo;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.OptionalInt;

/** Demo of the inventory service. */
@Path("/demo/inventory")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
@IfBuildProperty(name = "facet.demo.enabled", stringValue = "true")
public class InventoryDemo {

    @GET
    @Path("/stock")
    public List<Stock> stock(@QueryParam("productIds") String productIds) {
        return QueryParams.ids("productIds", productIds).stream()
                .map(ShopWorld::productNumber)
                .filter(OptionalInt::isPresent)
                .map(n -> ShopWorld.stock(n.getAsInt()))
                .toList();
    }
}
