package dev.facet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected value here was worked out by hand from the shop contract's formulas. */
class ShopWorldTests {

    @Test
    void parsesOnlyCanonicalInRangeIds() {
        assertThat(ShopWorld.productNumber("p42")).hasValue(42);
        assertThat(ShopWorld.productNumber("p10000")).hasValue(10000);
        assertThat(ShopWorld.userNumber("u1000")).hasValue(1000);
        assertThat(ShopWorld.categoryNumber("c20")).hasValue(20);
        for (String bad : new String[] {"p0", "p10001", "p007", "p-1", "p+1", "p", "", "42", "P42", "u42",
                "p99999999999999999999", "p 1", "p1x"}) {
            assertThat(ShopWorld.productNumber(bad)).as(bad).isEmpty();
        }
        assertThat(ShopWorld.productNumber(null)).isEmpty();
        assertThat(ShopWorld.userNumber("u1001")).isEmpty();
        assertThat(ShopWorld.categoryNumber("c21")).isEmpty();
        assertThat(ShopWorld.categoryNumber("c0")).isEmpty();
    }

    @Test
    void users() {
        assertThat(ShopWorld.user(3)).isEqualTo(new User("u3", "User 3", "user3@shop.example", Tier.GOLD,
                "https://img.shop.example/avatars/u3.png", "2020-01-04T00:00:00Z"));
        assertThat(ShopWorld.user(1).tier()).isEqualTo(Tier.STANDARD);
        assertThat(ShopWorld.user(10).tier()).isEqualTo(Tier.PLATINUM);
        // 30 is divisible by 3 too, but PLATINUM wins.
        assertThat(ShopWorld.user(30).tier()).isEqualTo(Tier.PLATINUM);
        // 2020 is a leap year: 366 + 365 days to 2022-01-01, then 269 more.
        assertThat(ShopWorld.user(1000).memberSince()).isEqualTo("2022-09-27T00:00:00Z");
        assertThat(ShopWorld.user("u1001")).isEmpty();
    }

    @Test
    void products() {
        assertThat(ShopWorld.product(7)).isEqualTo(new Product("p7", "Product 7", "Description of product 7",
                "c7", 359, "EUR", List.of(
                        "https://img.shop.example/products/p7/1.jpg",
                        "https://img.shop.example/products/p7/2.jpg")));
        // 300 * 37 = 11100, 11100 % 9900 = 1200
        assertThat(ShopWorld.product(300).priceCents()).isEqualTo(1300);
        assertThat(ShopWorld.product(20).categoryId()).isEqualTo("c20");
        assertThat(ShopWorld.product(21).categoryId()).isEqualTo("c1");
        assertThat(ShopWorld.product(10000).categoryId()).isEqualTo("c20");
    }

    @Test
    void categories() {
        List<Category> categories = ShopWorld.categories();
        assertThat(categories).hasSize(20);
        assertThat(categories.get(0)).isEqualTo(new Category("c1", "Category 1"));
        assertThat(categories.get(19)).isEqualTo(new Category("c20", "Category 20"));
    }

    @Test
    void stock() {
        assertThat(ShopWorld.stock(50)).isEqualTo(new Stock("p50", 0, "wh-3"));
        assertThat(ShopWorld.stock(1)).isEqualTo(new Stock("p1", 13, "wh-2"));
        // 4 * 13 = 52 -> 2; 4 % 3 + 1 = 2
        assertThat(ShopWorld.stock(4)).isEqualTo(new Stock("p4", 2, "wh-2"));
        assertThat(ShopWorld.stock(3)).isEqualTo(new Stock("p3", 39, "wh-1"));
    }

    @Test
    void reviewsAreNewestFirst() {
        assertThat(ShopWorld.reviews(14)).isEmpty();
        assertThat(ShopWorld.reviews(15)).containsExactly(
                new Review("r15-1", "p15", "u17", 2, "Review 1 of product 15", "2024-01-01T16:00:00Z"));
        List<Review> six = ShopWorld.reviews(6);
        assertThat(six).extracting(Review::id)
                .containsExactly("r6-6", "r6-5", "r6-4", "r6-3", "r6-2", "r6-1");
        assertThat(six).extracting(Review::rating).containsExactly(3, 2, 1, 5, 4, 3);
        assertThat(six.get(0)).isEqualTo(
                new Review("r6-6", "p6", "u13", 3, "Review 6 of product 6", "2024-01-01T12:00:00Z"));
        // (999 + 1) % 1000 + 1 wraps to u1; 999 % 7 = 5 reviews
        List<Review> wrap = ShopWorld.reviews(999);
        assertThat(wrap).hasSize(5);
        assertThat(wrap.get(4).authorId()).isEqualTo("u1");
        // 2024-01-01 plus 1004 hours = 41 days 20 hours
        assertThat(wrap.get(0).createdAt()).isEqualTo("2024-02-11T20:00:00Z");
    }

    @Test
    void ratings() {
        assertThat(ShopWorld.rating(14)).isEqualTo(new Rating("p14", 0.0, 0));
        assertThat(ShopWorld.rating(15)).isEqualTo(new Rating("p15", 2.0, 1));
        assertThat(ShopWorld.rating(6)).isEqualTo(new Rating("p6", 3.0, 6));
        // ratings 5, 1, 2
        assertThat(ShopWorld.rating(3)).isEqualTo(new Rating("p3", 8.0 / 3, 3));
    }

    @Test
    void priorOrdersAreNewestFirst() {
        assertThat(ShopWorld.priorOrders(4)).isEmpty();
        List<Order> orders = ShopWorld.priorOrders(3);
        assertThat(orders).extracting(Order::id).containsExactly("o3-3", "o3-2", "o3-1");
        assertThat(orders).extracting(Order::status)
                .containsExactly(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
        // k=3: p(9+1) at 470 x1, p(6*7+1) at 100+1591 x2
        assertThat(orders.get(0)).isEqualTo(new Order("o3-3", "u3", OrderStatus.PAID,
                List.of(new OrderLine("p10", 1, 470), new OrderLine("p43", 2, 1691)),
                3852, "EUR", "2025-01-01T09:00:00Z"));
        // k=2: p7 at 359 x1, p36 at 1432 x2
        assertThat(orders.get(1).lines())
                .containsExactly(new OrderLine("p7", 1, 359), new OrderLine("p36", 2, 1432));
        assertThat(orders.get(1).totalCents()).isEqualTo(3223);
        assertThat(orders.get(1).placedAt()).isEqualTo("2025-01-01T06:00:00Z");
        // k=1: p4 at 248 x1, p29 at 1173 x2
        assertThat(orders.get(2).totalCents()).isEqualTo(2594);
        assertThat(orders.get(2).placedAt()).isEqualTo("2025-01-01T03:00:00Z");

        assertThat(ShopWorld.priorOrders(1)).containsExactly(new Order("o1-1", "u1", OrderStatus.DELIVERED,
                List.of(new OrderLine("p2", 1, 174), new OrderLine("p15", 2, 655)),
                1484, "EUR", "2025-01-01T01:00:00Z"));
    }

    @Test
    void priorOrderById() {
        assertThat(ShopWorld.priorOrder("o3-2")).contains(ShopWorld.priorOrders(3).get(1));
        assertThat(ShopWorld.priorOrder("o3-4")).isEmpty();
        assertThat(ShopWorld.priorOrder("o4-1")).isEmpty();
        assertThat(ShopWorld.priorOrder("o1001-1")).isEmpty();
        assertThat(ShopWorld.priorOrder("o03-1")).isEmpty();
        assertThat(ShopWorld.priorOrder("o-3-1")).isEmpty();
    }

    @Test
    void recommendations() {
        assertThat(ShopWorld.recommendations(1, 3)).containsExactly(
                new Recommendation("p32", 1.0),
                new Recommendation("p129", 0.95),
                new Recommendation("p226", 0.9));
        // 1000 * 31 = 31000 -> 1000 + 1
        assertThat(ShopWorld.recommendations(1000, 1)).containsExactly(new Recommendation("p1001", 1.0));
        // the formula in doubles, unrounded
        assertThat(ShopWorld.recommendations(1, 8).get(7).score()).isEqualTo(1.0 - 7 * 0.05);
        assertThat(ShopWorld.recommendations(1, 10)).hasSize(10);
    }

    @Test
    void timestampsHaveNoFraction() {
        assertThat(ShopWorld.user(1).memberSince()).isEqualTo("2020-01-02T00:00:00Z");
    }
}
