package dev.facet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/** The resources called as plain Java objects, the way the test suite's WireMock routing uses them. */
class DemoResourcesTests {

    private final CatalogDemo catalog = new CatalogDemo();
    private final OrdersDemo orders = new OrdersDemo();

    private static WebApplicationException failure(Runnable call) {
        WebApplicationException e = catchThrowableOfType(WebApplicationException.class, call::run);
        assertThat(e).as("expected a WebApplicationException").isNotNull();
        return e;
    }

    private static void assertError(Runnable call, int status, Object body) {
        WebApplicationException e = failure(call);
        assertThat(e.getResponse().getStatus()).isEqualTo(status);
        assertThat(e.getResponse().getEntity()).isEqualTo(body);
    }

    private static String productIds(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "p" + n).collect(Collectors.joining(","));
    }

    @Test
    void listsKeepTheAskedOrderAndOmitUnknownIds() {
        assertThat(catalog.productsByIds("p3,p99999,p1,x,p3")).extracting(Product::id)
                .containsExactly("p3", "p1", "p3");
        assertThat(new AccountsDemo().users("u2,u1001,u1")).extracting(User::id).containsExactly("u2", "u1");
        assertThat(new InventoryDemo().stock("p50,p0")).containsExactly(new Stock("p50", 0, "wh-3"));
        assertThat(new ReviewsDemo().ratings("p14,p15")).containsExactly(
                new Rating("p14", 0.0, 0), new Rating("p15", 2.0, 1));
        assertThat(catalog.productsByIds(productIds(100))).hasSize(100);
    }

    @Test
    void moreThanHundredIdsIsABadRequest() {
        String ids = productIds(101);
        assertError(() -> catalog.productsByIds(ids), 400, new DemoErrors.Body("too_many_ids"));
        assertError(() -> catalog.products(ids, null, null, null), 400, new DemoErrors.Body("too_many_ids"));
        assertThat(failure(() -> new InventoryDemo().stock(ids)).getResponse().getStatus()).isEqualTo(400);
        assertThat(failure(() -> new ReviewsDemo().ratings(ids)).getResponse().getStatus()).isEqualTo(400);
        assertThat(failure(() -> new AccountsDemo().users(ids.replace('p', 'u'))).getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void missingParametersAndBadLimitsAreBadRequests() {
        assertError(() -> catalog.products(null, null, null, null), 400,
                new DemoErrors.MissingParameter("missing_parameter", "ids or category"));
        assertError(() -> new AccountsDemo().users(null), 400,
                new DemoErrors.MissingParameter("missing_parameter", "ids"));
        assertError(() -> new ReviewsDemo().reviews(null, null), 400,
                new DemoErrors.MissingParameter("missing_parameter", "productId"));
        assertError(() -> catalog.categoryPage("c1", "101", null), 400, new DemoErrors.Body("bad_limit"));
        assertError(() -> catalog.categoryPage("c1", "0", null), 400, new DemoErrors.Body("bad_limit"));
        assertError(() -> catalog.search("x", "abc"), 400, new DemoErrors.Body("bad_limit"));
        assertError(() -> new RecommendationsDemo().recommendations("u1", "101"), 400,
                new DemoErrors.Body("bad_limit"));
        assertThat(new RecommendationsDemo().recommendations("u1", "100")).hasSize(100);
    }

    @Test
    void unknownSingleResourceIsNotFound() {
        assertError(() -> catalog.product("p10001"), 404, new DemoErrors.Body("not_found"));
        assertError(() -> new AccountsDemo().user("nobody"), 404, new DemoErrors.Body("not_found"));
        assertError(() -> orders.order("o4-1"), 404, new DemoErrors.Body("not_found"));
        assertThat(catalog.product("p7").priceCents()).isEqualTo(359);
        assertThat(orders.order("o3-3").status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void categoryPagingContinuesWhereThePreviousPageEnded() {
        ProductPage first = catalog.categoryPage("c3", "2", null);
        assertThat(first.items()).extracting(Product::id).containsExactly("p3", "p23");
        assertThat(first.nextCursor()).isNotNull();
        ProductPage second = catalog.categoryPage("c3", "2", first.nextCursor());
        assertThat(second.items()).extracting(Product::id).containsExactly("p43", "p63");

        // c3 holds p3, p23, …, p9983: 500 products, so five pages of 100
        String cursor = null;
        for (int page = 1; page <= 4; page++) {
            ProductPage p = catalog.categoryPage("c3", "100", cursor);
            assertThat(p.items()).hasSize(100);
            assertThat(p.nextCursor()).isNotNull();
            cursor = p.nextCursor();
        }
        ProductPage last = catalog.categoryPage("c3", "100", cursor);
        assertThat(last.items()).hasSize(100);
        assertThat(last.items().get(99).id()).isEqualTo("p9983");
        assertThat(last.nextCursor()).isNull();

        assertThat(catalog.categoryPage("c1", null, null).items()).hasSize(20);
    }

    @Test
    void unknownCategoryIsAnEmptyPageAndBadCursorsAreRefused() {
        assertThat(catalog.categoryPage("c21", null, null)).isEqualTo(new ProductPage(List.of(), null));
        assertThat(catalog.products(null, "nope", null, null)).isEqualTo(new ProductPage(List.of(), null));
        assertError(() -> catalog.categoryPage("c3", null, "!!not base64!!"), 400, new DemoErrors.Body("bad_cursor"));
        assertError(() -> catalog.categoryPage("c3", null, "eHl6"), 400, new DemoErrors.Body("bad_cursor"));
        String cursorOfC4 = catalog.categoryPage("c4", "1", null).nextCursor();
        assertError(() -> catalog.categoryPage("c3", null, cursorOfC4), 400, new DemoErrors.Body("bad_cursor"));
    }

    @Test
    void searchMatchesNamesCaseInsensitivelyInIdOrder() {
        assertThat(catalog.search("PRODUCT 10", "3")).extracting(Product::id).containsExactly("p10", "p100", "p101");
        assertThat(catalog.search("99", null)).extracting(Product::id)
                .startsWith("p99", "p199", "p299", "p399", "p499", "p599", "p699", "p799", "p899", "p990")
                .hasSize(20);
        assertThat(catalog.search("shoe", null)).isEmpty();
    }

    @Test
    void reviewsAndRecommendations() {
        assertThat(new ReviewsDemo().reviews("p6", "2")).extracting(Review::id).containsExactly("r6-6", "r6-5");
        assertThat(new ReviewsDemo().reviews("p6", null)).hasSize(6);
        assertThat(new ReviewsDemo().reviews("p99999", null)).isEmpty();
        assertThat(new RecommendationsDemo().recommendations("u1", null)).hasSize(10)
                .first().isEqualTo(new Recommendation("p32", 1.0));
        assertThat(new RecommendationsDemo().recommendations("u1001", null)).isEmpty();
        assertThat(orders.orders("u1001", null)).isEmpty();
        assertThat(orders.orders("u3", "2")).extracting(Order::id).containsExactly("o3-3", "o3-2");
    }

    @Test
    void placingAnOrderIsIdempotentAndShowsUpFirst() {
        PlaceOrderRequest request = new PlaceOrderRequest("u3", List.of(
                new PlaceOrderRequest.Line("p7", 2), new PlaceOrderRequest.Line("p50", 1)));
        RestResponse<Order> first = orders.place("key-1", request);
        assertThat(first.getStatus()).isEqualTo(201);
        Order placed = first.getEntity();
        assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(placed.userId()).isEqualTo("u3");
        // p50: 100 + 1850
        assertThat(placed.lines()).containsExactly(new OrderLine("p7", 2, 359), new OrderLine("p50", 1, 1950));
        assertThat(placed.totalCents()).isEqualTo(2 * 359 + 1950);
        assertThat(placed.currency()).isEqualTo("EUR");
        assertThat(placed.placedAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        RestResponse<Order> again = orders.place("key-1", request);
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getEntity().id()).isEqualTo(placed.id());
        assertThat(orders.orders("u3", null)).extracting(Order::id)
                .containsExactly(placed.id(), "o3-3", "o3-2", "o3-1");
        assertThat(orders.order(placed.id())).isEqualTo(placed);

        Order second = orders.place("key-2", request).getEntity();
        assertThat(second.id()).isNotEqualTo(placed.id());
        assertThat(orders.orders("u3", "2")).extracting(Order::id).containsExactly(second.id(), placed.id());
        // a key is the user's own: another user's same key places a new order
        Order otherUsers = orders.place("key-1", new PlaceOrderRequest("u4", request.lines())).getEntity();
        assertThat(otherUsers.id()).isNotIn(placed.id(), second.id());
        assertThat(orders.orders("u4", null)).extracting(Order::id).containsExactly(otherUsers.id());
    }

    @Test
    void badPlacementsAreRefusedAndCreateNothing() {
        List<PlaceOrderRequest.Line> lines = List.of(new PlaceOrderRequest.Line("p7", 1));
        assertError(() -> orders.place(null, new PlaceOrderRequest("u4", lines)), 400,
                new DemoErrors.Body("missing_idempotency_key"));
        assertError(() -> orders.place("k", new PlaceOrderRequest("u1001", lines)), 422,
                new DemoErrors.Body("unknown_user"));
        assertError(() -> orders.place("k", new PlaceOrderRequest("u4", List.of(
                        new PlaceOrderRequest.Line("p7", 1), new PlaceOrderRequest.Line("p99999", 1)))),
                422, new DemoErrors.UnknownProduct("unknown_product", "p99999"));
        assertThat(failure(() -> orders.place("k", new PlaceOrderRequest("u4", List.of(
                new PlaceOrderRequest.Line("p7", 0))))).getResponse().getStatus()).isEqualTo(400);
        assertThat(failure(() -> orders.place("k", new PlaceOrderRequest("u4", List.of())))
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(failure(() -> orders.place("k", null)).getResponse().getStatus()).isEqualTo(400);
        assertThat(orders.orders("u4", null)).isEmpty();
        // the failed attempts left the key free
        assertThat(orders.place("k", new PlaceOrderRequest("u4", lines)).getStatus()).isEqualTo(201);
    }
}
