package dev.facet.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.facet.shared.SharedStores;
import dev.facet.shared.Store;
import io.quarkus.runtime.Startup;

/**
 * Which service routes are public, as the operator declared them, and the one cache they share. Only routes whose
 * answers are the same for everyone may be declared: a route of a service that answers for the signed-in user
 * (accounts, orders, recommendations), or one this Facet does not know, stops Facet at start-up — a typo must not
 * silently cache nothing, and a personal answer must never be served to another user.
 */
@Startup // a refused route stops Facet at start-up, not at the first request that would read it
@ApplicationScoped
public class PublicData {

    private static final Logger LOG = Logger.getLogger(PublicData.class);

    /** The routes whose answers depend on nothing but their ids, by service. */
    static final Map<String, Set<String>> PUBLIC_ROUTES = Map.of(
            "catalog", Set.of("products", "categories", "pages"),
            "reviews", Set.of("ratings"),
            "inventory", Set.of("stock"));

    /** The services whose answers are someone's: what they say about one user must reach only that user. */
    static final Set<String> PERSONAL = Set.of("accounts", "orders", "recommendations");

    private final Map<String, PublicDataSettings.Route> declared;
    private final AnswerCache cache;
    private final SharedAnswers shared;
    private final SharedStores stores;
    private final ObjectMapper json;
    private final Map<String, PublicRoute<?>> routes = new LinkedHashMap<>();

    PublicData(PublicDataSettings settings, SharedStores stores, ObjectMapper json) {
        this.declared = declared(settings.services());
        this.stores = stores;
        this.json = json;
        this.cache = new AnswerCache(settings.maxSize().asLongValue());
        boolean inRedis = stores.shared("facet.cache.store", Optional.of(settings.store().orElse(Store.MEMORY)));
        this.shared = inRedis && !declared.isEmpty()
                ? new SharedAnswers(stores.redis(), stores.guard(), settings.redisTimeout()) : null;
        if (!declared.isEmpty()) {
            LOG.infof("Public-data cache on for %s, up to %d bytes in memory%s", declared.keySet(),
                    settings.maxSize().asLongValue(), shared == null ? "" : " and shared through Redis");
        }
    }

    /**
     * Every declared route by {@code service.route}, once it is known that each may be declared.
     *
     * @throws IllegalStateException naming the first route that must not be, and why
     */
    static Map<String, PublicDataSettings.Route> declared(Map<String, Map<String, PublicDataSettings.Route>> services) {
        Map<String, PublicDataSettings.Route> declared = new LinkedHashMap<>();
        for (var service : new TreeSet<>(services.keySet())) {
            if (PERSONAL.contains(service)) {
                throw new IllegalStateException("facet.cache." + service + ".* is refused: " + service
                        + " answers for the signed-in user (the caller's token is sent to it), and what it answers"
                        + " one user must never be served to another. Only public data may be cached: "
                        + publicRoutes());
            }
            Set<String> known = PUBLIC_ROUTES.get(service);
            for (var route : new TreeSet<>(services.get(service).keySet())) {
                if (known == null || !known.contains(route)) {
                    throw new IllegalStateException("facet.cache." + service + "." + route
                            + " is not a public route Facet knows; the routes that may be cached are "
                            + publicRoutes());
                }
                PublicDataSettings.Route settings = services.get(service).get(route);
                if (settings.ttl().isNegative()) {
                    throw new IllegalStateException("facet.cache." + service + "." + route + ".ttl must not be negative");
                }
                declared.put(service + "." + route, settings);
            }
        }
        return declared;
    }

    private static String publicRoutes() {
        Set<String> all = new TreeSet<>();
        PUBLIC_ROUTES.forEach((service, names) -> names.forEach(name -> all.add(service + "." + name)));
        return String.join(", ", all);
    }

    /** The route, if the operator declared it public; empty: read it as always, per request. */
    public <T> Optional<PublicRoute<T>> route(String service, String route, Class<T> type) {
        return route(service, route, json.getTypeFactory().constructType(type));
    }

    public <T> Optional<PublicRoute<T>> route(String service, String route, TypeReference<T> type) {
        return route(service, route, json.getTypeFactory().constructType(type));
    }

    private synchronized <T> Optional<PublicRoute<T>> route(String service, String route, JavaType type) {
        String name = service + "." + route;
        if (!PUBLIC_ROUTES.getOrDefault(service, Set.of()).contains(route)) {
            throw new IllegalArgumentException(name + " is not a public route");
        }
        PublicDataSettings.Route settings = declared.get(name);
        if (settings == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        PublicRoute<T> made = (PublicRoute<T>) routes.computeIfAbsent(name,
                ignored -> new PublicRoute<>(name, settings.ttl(), type, json, cache, shared));
        return Optional.of(made);
    }

    /** The routes the operator declared public, as {@code service.route}. */
    public Set<String> declaredRoutes() {
        return declared.keySet();
    }

    /** Each declared route's counts, by {@code service.route}, for metrics. */
    public synchronized Map<String, CacheCounts> counts() {
        Map<String, CacheCounts> counts = new LinkedHashMap<>();
        routes.forEach((name, route) -> counts.put(name, route.counts()));
        return counts;
    }

    /** Lookups and stores decided without Redis since start-up (slow or down). */
    public long sharedFallbacks() {
        return stores.guard().fallbacks(SharedAnswers.STORE);
    }

    /** How many answers this instance keeps now. */
    public long size() {
        return cache.size();
    }
}
