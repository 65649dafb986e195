package dev.facet.downstream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The deadline of the current GraphQL request: {@code facet.downstream.deadline} from the moment the request
 * reached Facet's edge (or, outside HTTP, from the first downstream call), shared by every call it makes.
 */
@RequestScoped
public class RequestDeadline {

    private static final String ARRIVAL = "facet.arrival";

    @Inject
    DownstreamSettings settings;

    @Inject
    CurrentVertxRequest request;

    private Deadline deadline;

    /** Called by the edge as a request arrives, so time spent before the first call counts too. */
    public static void markArrival(RoutingContext request) {
        request.put(ARRIVAL, System.nanoTime());
    }

    @PostConstruct
    void start() {
        RoutingContext current = request.getCurrent();
        Long arrival = current == null ? null : current.get(ARRIVAL);
        deadline = Deadline.after(arrival == null ? System.nanoTime() : arrival, settings.deadline());
    }

    public Deadline current() {
        return deadline;
    }
}
