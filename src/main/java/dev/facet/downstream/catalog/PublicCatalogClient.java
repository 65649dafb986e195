package dev.facet.downstream.catalog;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/**
 * The catalog's public reads, made as nobody: unlike {@link CatalogClient} this client has no
 * {@code CallerTokenRelay}, so an answer shared across requests can never have been shaped by one caller's token.
 * Answers come with their headers, for the service's {@code Cache-Control}.
 */
@RegisterRestClient(configKey = "catalog")
interface PublicCatalogClient {

    @GET
    @Path("/products/{id}")
    Uni<RestResponse<ProductDto>> product(@PathParam("id") String id);

    @GET
    @Path("/products")
    Uni<RestResponse<List<ProductDto>>> products(@QueryParam("ids") String idsCsv);

    @GET
    @Path("/products")
    Uni<RestResponse<ProductPageDto>> page(@QueryParam("category") String categoryId, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/categories")
    Uni<RestResponse<List<CategoryDto>>> categories();
}
