package dev.facet.downstream.reviews;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** The ratings read as nobody (no {@code CallerTokenRelay}), for the public-data cache; see {@link ReviewsClient}. */
@RegisterRestClient(configKey = "reviews")
interface PublicReviewsClient {

    @GET
    @Path("/ratings")
    Uni<RestResponse<List<RatingDto>>> ratings(@QueryParam("productIds") String productIdsCsv);
}
