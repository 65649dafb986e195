package dev.facet.downstream.recommendations;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.facet.security.CallerTokenRelay;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "recommendations")
@RegisterProvider(CallerTokenRelay.class)
interface RecommendationsClient {

    @GET
    @Path("/recommendations")
    Uni<List<RecommendationDto>> recommendations(@QueryParam("userId") String userId, @QueryParam("limit") int limit);
}
