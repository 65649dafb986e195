package dev.facet.downstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * One {@link ServiceGuard} per internal service, built once from configuration, so that every call to a service —
 * whichever resolver makes it — shares that service's breaker and bulkhead, and no service's trouble opens
 * another's breaker.
 */
@Startup // a policy that cannot be built (a bad setting) stops Facet at start-up, not its first request
@ApplicationScoped
public class ServiceGuards {

    /** The internal services Facet talks to; each has a REST client config key of the same name. */
    public static final List<String> SERVICES = List.of("accounts", "catalog", "inventory", "reviews", "orders",
            "recommendations");

    private final Map<String, ServiceGuard> guards = new LinkedHashMap<>();

    ServiceGuards(DownstreamSettings settings, FailureLogSettings failureLog) {
        FailureLog.configure(failureLog, settings.deadline());
        for (String service : SERVICES) {
            guards.put(service, guard(service, settings, () -> RequestDeadline.current(settings.deadline())));
        }
    }

    /** A guard for {@code service} with its configured policy (the defaults for a name not configured). */
    static ServiceGuard guard(String service, DownstreamSettings settings, Supplier<Deadline> deadlines) {
        return new ServiceGuard(service, settings.services().get(service), settings.deadline(),
                settings.maxCallsInFlightPerRequest(), deadlines);
    }

    public ServiceGuard of(String service) {
        ServiceGuard guard = guards.get(service);
        if (guard == null) {
            throw new IllegalArgumentException("No policy for service " + service);
        }
        return guard;
    }

    /** Each service's circuit breaker state, in {@link #SERVICES} order. */
    public Map<String, CircuitBreakerState> breakerStates() {
        Map<String, CircuitBreakerState> states = new LinkedHashMap<>();
        guards.forEach((service, guard) -> states.put(service, guard.breakerState()));
        return states;
    }
}
