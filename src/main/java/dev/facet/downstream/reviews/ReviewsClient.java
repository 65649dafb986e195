package dev.facet.downstream.reviews;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.facet.security.CallerTokenRelay;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "reviews")
@RegisterProvider(CallerTokenRelay.class)
interface ReviewsClient {

    @GET
    @Path("/reviews")
    Uni<List<ReviewDto>> reviews(@QueryParam("productId") String productId, @QueryParam("limit") int limit);

    @GET
    @Path("/ratings")
    Uni<List<RatingDto>> ratings(@QueryParam("productIds") String productIdsCsv);
}
