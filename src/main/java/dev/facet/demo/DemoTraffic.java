package dev.facet.demo;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;

/**
 * What the demo services were asked, and how far away they seem: each answers {@code facet.demo.latency} late
 * (0 by default), as a service across the network would, and {@code GET /demo/calls} tells how many calls each
 * service received — so a benchmark against the demo can count calls per request (bench/cache.sh).
 */
@Singleton
@IfBuildProperty(name = "facet.demo.enabled", stringValue = "true")
public class DemoTraffic {

    private static final String[] SERVICES = { "accounts", "catalog", "inventory", "reviews", "orders",
            "recommendations" };

    private final long latencyMillis;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    DemoTraffic(@ConfigProperty(name = "facet.demo.latency", defaultValue = "0ms") Duration latency) {
        this.latencyMillis = latency.toMillis();
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            if (path.equals("/demo/calls")) {
                context.response().putHeader("Content-Type", "application/json").end(counts().encode());
                return;
            }
            String service = service(path);
            if (service == null) {
                context.next();
                return;
            }
            calls.computeIfAbsent(service, ignored -> new AtomicLong()).incrementAndGet();
            if (latencyMillis < 1) {
                context.next();
            } else {
                context.request().pause(); // a body must wait with the request, not arrive before its route
                context.vertx().setTimer(latencyMillis, ignored -> {
                    context.request().resume();
                    context.next();
                });
            }
        }, 50);
    }

    private JsonObject counts() {
        Map<String, Object> counts = new TreeMap<>();
        calls.forEach((service, count) -> counts.put(service, count.get()));
        return new JsonObject(counts);
    }

    private static String service(String path) {
        for (String service : SERVICES) {
            if (path.startsWith("/demo/" + service + "/")) {
                return service;
            }
        }
        return null;
    }
}
