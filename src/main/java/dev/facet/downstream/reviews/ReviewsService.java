package dev.facet.downstream.reviews;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.facet.downstream.IdBatches;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import io.smallrye.mutiny.Uni;

/** Facet's one way to the reviews service. */
@ApplicationScoped
public class ReviewsService {

    private final ReviewsClient client;
    private final ServiceGuard guard;

    ReviewsService(@RestClient ReviewsClient client, ServiceGuards guards) {
        this.client = client;
        this.guard = guards.of("reviews");
    }

    /** The newest {@code limit} reviews of a product. The service has no batch form of this call. */
    public Uni<List<ReviewDto>> reviews(String productId, int limit) {
        return guard.call(() -> client.reviews(productId, limit));
    }

    /** The rating summaries of the products among {@code productIds} that the service knows, by product id. */
    public Uni<Map<String, RatingDto>> ratings(Collection<String> productIds) {
        return IdBatches.fetch(productIds, csv -> guard.call(() -> client.ratings(csv)))
                .map(ratings -> ratings.stream()
                        .collect(Collectors.toMap(RatingDto::productId, Function.identity(), (a, b) -> a)));
    }
}
