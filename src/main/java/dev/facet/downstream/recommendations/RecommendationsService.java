package dev.facet.downstream.recommendations;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** Facet's one way to the recommendations service. */
@ApplicationScoped
public class RecommendationsService {

    private final RecommendationsClient client;

    RecommendationsService(@RestClient RecommendationsClient client) {
        this.client = client;
    }

    /** The {@code limit} best products for a user; an unknown user gets none. */
    public Uni<List<RecommendationDto>> recommendations(String userId, int limit) {
        return client.recommendations(userId, limit);
    }
}
