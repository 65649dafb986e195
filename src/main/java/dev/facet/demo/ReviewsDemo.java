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

/** Demo of the reviews service. */
@Path("/demo/reviews")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
@IfBuildProperty(name = "facet.demo.enabled", stringValue = "true")
public class ReviewsDemo {

    static final int DEFAULT_LIMIT = 10;

    /** An unknown product has no reviews: an empty list, like any list answer, not a 404. */
    @GET
    @Path("/reviews")
    public List<Review> reviews(@QueryParam("productId") String productId, @QueryParam("limit") String limit) {
        QueryParams.required("productId", productId);
        int max = QueryParams.limit(limit, DEFAULT_LIMIT);
        OptionalInt n = ShopWorld.productNumber(productId);
        if (n.isEmpty()) {
            return List.of();
        }
        List<Review> all = ShopWorld.reviews(n.getAsInt());
        return all.subList(0, Math.min(max, all.size()));
    }

    @GET
    @Path("/ratings")
    public List<Rating> ratings(@QueryParam("productIds") String productIds) {
        return QueryParams.ids("productIds", productIds).stream()
                .map(ShopWorld::productNumber)
                .filter(OptionalInt::isPresent)
                .map(n -> ShopWorld.rating(n.getAsInt()))
                .toList();
    }
}
