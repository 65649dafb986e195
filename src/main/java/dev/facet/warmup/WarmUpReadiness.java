package dev.facet.warmup;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while Facet warms itself up ({@link WarmUp}): a load balancer sends it traffic once it is fast. */
@Readiness
@ApplicationScoped
class WarmUpReadiness implements HealthCheck {

    private final WarmUp warmUp;
    private final WarmUpIdentities identities;

    WarmUpReadiness(WarmUp warmUp, WarmUpIdentities identities) {
        this.warmUp = warmUp;
        this.identities = identities;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warmUp.over())
                .withData("requests", warmUp.requestsSent())
                .withData("service-calls", warmUp.serviceCalls())
                .withData("verified-tokens", identities.verified())
                .build();
    }
}
