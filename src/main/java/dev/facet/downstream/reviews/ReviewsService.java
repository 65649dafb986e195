package dev.facet.downstream.reviews;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.facet.cache.Fetched;
import dev.facet.cache.PublicData;
import dev.facet.cache.PublicRoute;
import dev.facet.downstream.EventLoopClients;
import dev.facet.downstream.IdBatches;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import io.smallrye.mutiny.Uni;

/**
 * Facet's one way to the reviews service. Ratings, once declared public ({@code facet.cache.reviews.ratings.ttl}),
 * are read through the public-data cache as nobody, as the catalog's public routes are ({@code CatalogService}).
 */
@ApplicationScoped
public class ReviewsService {

    private final EventLoopClients.PerLoop<ReviewsClient> client;
    private final EventLoopClients.PerLoop<PublicReviewsClient> publicClient;
    private final ServiceGuard guard;
    private final Optional<PublicRoute<RatingDto>> ratingsRoute;

    ReviewsService(@RestClient ReviewsClient client, @RestClient PublicReviewsClient publicClient, ServiceGuards guards,
            EventLoopClients loops, PublicData publicData) {
        this.client = loops.of(ReviewsClient.class, client);
        this.publicClient = loops.of(PublicReviewsClient.class, publicClient);
        this.guard = guards.of("reviews");
        this.ratingsRoute = publicData.route("reviews", "ratings", RatingDto.class);
    }

    /** The newest {@code limit} reviews of a product. The service has no batch form of this call. */
    public Uni<List<ReviewDto>> reviews(String productId, int limit) {
        return guard.call(() -> client.get().reviews(productId, limit));
    }

    /** The rating summaries of the products among {@code productIds} that the service knows, by product id. */
    public Uni<Map<String, RatingDto>> ratings(Collection<String> productIds) {
        if (ratingsRoute.isPresent()) {
            return guard.awaitShared(ratingsRoute.get().many(productIds,
                    missing -> IdBatches.fetch(missing,
                            csv -> guard.callShared(() -> publicClient.get().ratings(csv)).map(Fetched::each)),
                    RatingDto::productId));
        }
        return IdBatches.fetch(productIds, csv -> guard.call(() -> client.get().ratings(csv)))
                .map(ratings -> ratings.stream()
                        .collect(Collectors.toMap(RatingDto::productId, Function.identity(), (a, b) -> a)));
    }
}
