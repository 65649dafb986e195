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

/** Demo of the recommendations service. */
@Path("/demo/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
@IfBuildProperty(name = "facet.demo.enabled", stringValue = "true")
public class RecommendationsDemo {

    static final int DEFAULT_LIMIT = 10;

    @GET
    @Path("/recommendations")
    public List<Recommendation> recommendations(
            @QueryParam("userId") String userId, @QueryParam("limit") String limit) {
        QueryParams.required("userId", userId);
        int max = QueryParams.limit(limit, DEFAULT_LIMIT);
        OptionalInt n = ShopWorld.userNumber(userId);
        return n.isPresent() ? ShopWorld.recommendations(n.getAsInt(), max) : List.of();
    }
}
