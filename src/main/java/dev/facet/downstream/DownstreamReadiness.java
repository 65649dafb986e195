package dev.facet.downstream;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Shows each service's circuit breaker in {@code /q/health/ready} — and stays UP whatever they say: with one
 * service down Facet still answers everything the others serve, so taking the instance out of the load balancer
 * would only turn a partial outage into a full one (and every instance would flap at once).
 */
@Readiness
@ApplicationScoped
class DownstreamReadiness implements HealthCheck {

    private final ServiceGuards guards;

    DownstreamReadiness(ServiceGuards guards) {
        this.guards = guards;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("downstream").up();
        guards.breakerStates().forEach((service, state) -> response.withData(service, state.name()));
        return response.build();
    }
}
