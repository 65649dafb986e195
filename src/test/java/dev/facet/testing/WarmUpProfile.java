package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The warm-up as production runs it, with few requests per operation so that it is quick: four web and two mobile
 * operations, three of them signed in as u3 — one a mutation, whose write must never reach a service — and one with two
 * sets of variables. Public because
 * Quarkus instantiates it reflectively.
 */
public class WarmUpProfile implements QuarkusTestProfile {

    public static final int REQUESTS = 30;
    public static final int OPERATIONS = 6;
    /** AccountPage, Home and PlaceOrder: about the caller, sent signed in. */
    public static final int SIGNED_IN_OPERATIONS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                // the first request of a fresh JVM on a busy machine may take longer than production's deadline;
                // this profile is about the warm-up, not about patience
                Map.entry("facet.downstream.deadline", "20s"),
                Map.entry("facet.downstream.services.catalog.timeout", "10s"),
                Map.entry("facet.downstream.services.accounts.timeout", "10s"),
                Map.entry("facet.downstream.services.inventory.timeout", "10s"),
                Map.entry("facet.downstream.services.reviews.timeout", "10s"),
                Map.entry("facet.downstream.services.orders.timeout", "10s"),
                Map.entry("facet.downstream.services.recommendations.timeout", "10s"),
                Map.entry("facet.warm-up.enabled", "true"),
                Map.entry("facet.warm-up.requests", String.valueOf(REQUESTS)),
                Map.entry("facet.warm-up.user", "u3"),
                // two sets of variables, sent in turn
                Map.entry("facet.warm-up.operations.web.ProductPage", "[{\"id\":\"p6\"},{\"id\":\"p42\"}]"),
                Map.entry("facet.warm-up.operations.web.CategoryPage", "{\"category\":\"c1\"}"),
                Map.entry("facet.warm-up.operations.web.AccountPage", "{}"),
                Map.entry("facet.warm-up.operations.web.PlaceOrder",
                        "{\"input\":{\"idempotencyKey\":\"warm\",\"lines\":[{\"productId\":\"p1\",\"quantity\":1}]}}"),
                Map.entry("facet.warm-up.operations.mobile.Home", "{}"),
                Map.entry("facet.warm-up.operations.mobile.ProductDetail", "{\"id\":\"p6\"}"));
    }
}
