package dev.facet.downstream.catalog;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.facet.security.CallerTokenRelay;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "catalog")
@RegisterProvider(CallerTokenRelay.class)
interface CatalogClient {

    @GET
    @Path("/products/{id}")
    Uni<ProductDto> product(@PathParam("id") String id);

    @GET
    @Path("/products")
    Uni<List<ProductDto>> products(@QueryParam("ids") String idsCsv);

    @GET
    @Path("/products")
    Uni<ProductPageDto> page(@QueryParam("category") String categoryId, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/categories")
    Uni<List<CategoryDto>> categories();
}
