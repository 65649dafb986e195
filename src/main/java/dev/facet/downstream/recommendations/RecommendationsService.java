package dev.facet.downstream.recommendations;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.facet.downstream.EventLoopClients;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import io.smallrye.mutiny.Uni;

/** Facet's one way to the recommendations service. */
@ApplicationScoped
public class RecommendationsService {

    private final EventLoopClients.PerLoop<RecommendationsClient> client;
    private final ServiceGuard guard;

    RecommendationsService(@RestClient RecommendationsClient client, ServiceGuards guards, EventLoopClients loops) {
        this.client = loops.of(RecommendationsClient.class, client);
        this.guard = guards.of("recommendations");
    }

    /** The {@code limit} best products for a user; an unknown user gets none. */
    public Uni<List<RecommendationDto>> recommendations(String userId, int limit) {
        return guard.call(() -> client.get().recommendations(userId, limit));
    }
}
