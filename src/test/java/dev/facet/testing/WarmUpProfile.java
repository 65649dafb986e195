package dev.facet.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The warm-up as production runs it, with few requests per operation so that it is quick: three web and two mobile
 * operations, one of them signed in as u3 — and a mutation, which the warm-up must never send. Public because
 * Quarkus instantiates it reflectively.
 */
public class WarmUpProfile implements QuarkusTestProfile {

    public static final int REQUESTS = 30;
    public static final int OPERATIONS = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "facet.warm-up.enabled", "true",
                "facet.warm-up.requests", String.valueOf(REQUESTS),
                "facet.warm-up.user", "u3",
                "facet.warm-up.operations.web.ProductPage", "{\"id\":\"p6\"}",
                "facet.warm-up.operations.web.CategoryPage", "{\"category\":\"c1\"}",
                "facet.warm-up.operations.web.AccountPage", "{}",
                "facet.warm-up.operations.web.PlaceOrder",
                "{\"input\":{\"idempotencyKey\":\"warm\",\"lines\":[{\"productId\":\"p1\",\"quantity\":1}]}}",
                "facet.warm-up.operations.mobile.Home", "{}",
                "facet.warm-up.operations.mobile.ProductDetail", "{\"id\":\"p6\"}");
    }
}
