package dev.facet.testing;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.facet.demo.AccountsDemo;
import dev.facet.demo.CatalogDemo;
import dev.facet.demo.InventoryDemo;
import dev.facet.demo.OrdersDemo;
import dev.facet.demo.PlaceOrderRequest;
import dev.facet.demo.RecommendationsDemo;
import dev.facet.demo.ReviewsDemo;

/**
 * Answers WireMock requests for the six services with the shop's deterministic data, by routing them to the demo
 * implementations (which follow the shop contract, status codes included). Tests assert on literal values worked
 * out from the contract, so a wrong demo fails them too.
 */
final class ShopWorldResponses implements ResponseDefinitionTransformerV2 {

    static final String NAME = "shop-world";

    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final AccountsDemo accounts = new AccountsDemo();
    private final CatalogDemo catalog = new CatalogDemo();
    private final InventoryDemo inventory = new InventoryDemo();
    private final ReviewsDemo reviews = new ReviewsDemo();
    private final RecommendationsDemo recommendations = new RecommendationsDemo();
    private volatile OrdersDemo orders = new OrdersDemo();

    /** Forgets every order placed so far. */
    void reset() {
        orders = new OrdersDemo();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition answer = answer(serveEvent.getRequest());
        // A stub that relays to the shop may still hold the answer back, or add headers (Cache-Control): keep them.
        ResponseDefinition stub = serveEvent.getResponseDefinition();
        Integer delay = stub.getFixedDelayMilliseconds();
        boolean headers = stub.getHeaders() != null && !stub.getHeaders().all().isEmpty();
        if (delay == null && !headers) {
            return answer;
        }
        ResponseDefinitionBuilder relayed = ResponseDefinitionBuilder.like(answer);
        if (delay != null) {
            relayed.withFixedDelay(delay);
        }
        if (headers) {
            stub.getHeaders().all().forEach(header -> relayed.withHeader(header.key(),
                    header.values().toArray(String[]::new)));
        }
        return relayed.build();
    }

    private ResponseDefinition answer(Request request) {
        String path = request.getUrl().split("\\?", 2)[0];
        try {
            Object answer = route(request, path);
            if (answer instanceof RestResponse<?> response) {
                return respond(response.getStatus(), response.getEntity());
            }
            return answer == null ? respond(404, Map.of("error", "no_route")) : respond(200, answer);
        } catch (WebApplicationException refused) {
            return respond(refused.getResponse().getStatus(), refused.getResponse().getEntity());
        } catch (Exception broken) {
            return respond(500, Map.of("error", "test_router", "detail", String.valueOf(broken)));
        }
    }

    private Object route(Request request, String path) throws Exception {
        String[] parts = path.split("/");
        // parts: "", service, resource[, id]
        if (parts.length < 3) {
            return null;
        }
        String service = parts[1];
        String resource = parts[2];
        String id = parts.length > 3 ? parts[3] : null;
        boolean get = "GET".equals(request.getMethod().getName());
        return switch (service + "/" + resource) {
            case "accounts/users" -> id != null ? accounts.user(id) : accounts.users(query(request, "ids"));
            case "catalog/products" -> {
                if ("search".equals(id)) {
                    yield catalog.search(query(request, "q"), query(request, "limit"));
                }
                yield id != null ? catalog.product(id)
                        : catalog.products(query(request, "ids"), query(request, "category"),
                                query(request, "limit"), query(request, "cursor"));
            }
            case "catalog/categories" -> catalog.categories();
            case "inventory/stock" -> inventory.stock(query(request, "productIds"));
            case "reviews/reviews" -> reviews.reviews(query(request, "productId"), query(request, "limit"));
            case "reviews/ratings" -> reviews.ratings(query(request, "productIds"));
            case "orders/orders" -> {
                if (get) {
                    yield id != null ? orders.order(id)
                            : orders.orders(query(request, "userId"), query(request, "limit"));
                }
                yield orders.place(request.getHeader("Idempotency-Key"),
                        json.readValue(request.getBodyAsString(), PlaceOrderRequest.class));
            }
            case "recommendations/recommendations" ->
                recommendations.recommendations(query(request, "userId"), query(request, "limit"));
            default -> null;
        };
    }

    private static String query(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    private ResponseDefinition respond(int status, Object body) {
        try {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json.writeValueAsString(body))
                    .build();
        } catch (Exception unserializable) {
            throw new IllegalStateException(unserializable);
        }
    }
}
