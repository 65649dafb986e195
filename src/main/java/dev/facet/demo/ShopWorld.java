package dev.facet.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shop's deterministic data, as formulas of the shop contract, so that any two
 * implementations of the services answer the same JSON. Pure functions, no framework.
 */
public final class ShopWorld {

    public static final int USERS = 1000;
    public static final int PRODUCTS = 10000;
    public static final int CATEGORIES = 20;
    public static final String CURRENCY = "EUR";

    private static final Instant MEMBER_EPOCH = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant REVIEW_EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant ORDER_EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    // Canonical ids only: no leading zeros or signs, so "p007" is unknown rather than p7
    // (otherwise two different ids would name one product and answers would not echo the ask).
    private static final Pattern NUMBERED_ID = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern PRIOR_ORDER_ID = Pattern.compile("o([1-9][0-9]{0,8})-([1-9][0-9]{0,8})");

    private static final OrderStatus[] PRIOR_STATUS_BY_K = {
            null, OrderStatus.DELIVERED, OrderStatus.SHIPPED, OrderStatus.PAID};

    private ShopWorld() {
    }

    // ---- id parsing: unknown, malformed and out-of-range ids all give an empty answer

    public static OptionalInt userNumber(String id) {
        return number(id, 'u', USERS);
    }

    public static OptionalInt productNumber(String id) {
        return number(id, 'p', PRODUCTS);
    }

    public static OptionalInt categoryNumber(String id) {
        return number(id, 'c', CATEGORIES);
    }

    private static OptionalInt number(String id, char prefix, int max) {
        if (id == null || id.length() < 2 || id.charAt(0) != prefix) {
            return OptionalInt.empty();
        }
        String digits = id.substring(1);
        if (!NUMBERED_ID.matcher(digits).matches()) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(digits);
        return n <= max ? OptionalInt.of(n) : OptionalInt.empty();
    }

    public static String userId(int n) {
        return "u" + n;
    }

    public static String productId(int n) {
        return "p" + n;
    }

    public static String categoryId(int n) {
        return "c" + n;
    }

    // ---- accounts

    public static Optional<User> user(String id) {
        OptionalInt n = userNumber(id);
        return n.isPresent() ? Optional.of(user(n.getAsInt())) : Optional.empty();
    }

    public static User user(int n) {
        return new User(
                userId(n),
                "User " + n,
                "user" + n + "@shop.example",
                tier(n),
                "https://img.shop.example/avatars/u" + n + ".png",
                MEMBER_EPOCH.plus(Duration.ofDays(n)).toString());
    }

    private static Tier tier(int n) {
        if (n % 10 == 0) {
            return Tier.PLATINUM;
        }
        return n % 3 == 0 ? Tier.GOLD : Tier.STANDARD;
    }

    // ---- catalog

    public static Optional<Product> product(String id) {
        OptionalInt n = productNumber(id);
        return n.isPresent() ? Optional.of(product(n.getAsInt())) : Optional.empty();
    }

    public static Product product(int n) {
        String id = productId(n);
        return new Product(
                id,
                "Product " + n,
                "Description of product " + n,
                categoryId(categoryOf(n)),
                priceCents(n),
                CURRENCY,
                List.of(
                        "https://img.shop.example/products/" + id + "/1.jpg",
                        "https://img.shop.example/products/" + id + "/2.jpg"));
    }

    public static int priceCents(int n) {
        return 100 + (n * 37) % 9900;
    }

    /** The category number of product N; category K holds K, K+20, K+40, … */
    public static int categoryOf(int n) {
        return (n - 1) % CATEGORIES + 1;
    }

    public static List<Category> categories() {
        List<Category> categories = new ArrayList<>(CATEGORIES);
        for (int n = 1; n <= CATEGORIES; n++) {
            categories.add(new Category(categoryId(n), "Category " + n));
        }
        return categories;
    }

    // ---- inventory

    public static Stock stock(int n) {
        return new Stock(productId(n), (n * 13) % 50, "wh-" + (n % 3 + 1));
    }

    // ---- reviews

    /** All reviews of product N, newest first (highest k first). */
    public static List<Review> reviews(int n) {
        int count = n % 7;
        List<Review> reviews = new ArrayList<>(count);
        for (int k = count; k >= 1; k--) {
            reviews.add(new Review(
                    "r" + n + "-" + k,
                    productId(n),
                    userId((n + k) % USERS + 1),
                    (n + k) % 5 + 1,
                    "Review " + k + " of product " + n,
                    REVIEW_EPOCH.plus(Duration.ofHours(n + k)).toString()));
        }
        return reviews;
    }

    /** Plain arithmetic mean, unrounded, so it matches any other implementation's double. */
    public static Rating rating(int n) {
        List<Review> reviews = reviews(n);
        if (reviews.isEmpty()) {
            return new Rating(productId(n), 0.0, 0);
        }
        int sum = 0;
        for (Review review : reviews) {
            sum += review.rating();
        }
        return new Rating(productId(n), (double) sum / reviews.size(), reviews.size());
    }

    // ---- orders

    /** The prior (seeded) orders of user N, newest first (highest k first). */
    public static List<Order> priorOrders(int n) {
        int count = n % 4;
        List<Order> orders = new ArrayList<>(count);
        for (int k = count; k >= 1; k--) {
            orders.add(priorOrder(n, k));
        }
        return orders;
    }

    /** A seeded order by its id {@code oN-k}; ids of placed orders never match this shape. */
    public static Optional<Order> priorOrder(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher m = PRIOR_ORDER_ID.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        int k = Integer.parseInt(m.group(2));
        if (n > USERS || k > n % 4) {
            return Optional.empty();
        }
        return Optional.of(priorOrder(n, k));
    }

    private static Order priorOrder(int n, int k) {
        int first = n * k % PRODUCTS + 1;
        int second = (n + k) * 7 % PRODUCTS + 1;
        List<OrderLine> lines = List.of(
                new OrderLine(productId(first), 1, priceCents(first)),
                new OrderLine(productId(second), 2, priceCents(second)));
        return new Order(
                "o" + n + "-" + k,
                userId(n),
                PRIOR_STATUS_BY_K[k],
                lines,
                totalCents(lines),
                CURRENCY,
                ORDER_EPOCH.plus(Duration.ofHours((long) n * k)).toString());
    }

    public static long totalCents(List<OrderLine> lines) {
        long total = 0;
        for (OrderLine line : lines) {
            total += (long) line.quantity() * line.unitPriceCents();
        }
        return total;
    }

    // ---- recommendations

    /**
     * Best first. The score is the contract's formula evaluated in doubles without rounding
     * (so 0.6499999999999999 for i = 7), which is what any other implementation of it yields.
     */
    public static List<Recommendation> recommendations(int userN, int limit) {
        List<Recommendation> recommendations = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            int product = (userN * 31 + i * 97) % PRODUCTS + 1;
            recommendations.add(new Recommendation(productId(product), 1.0 - i * 0.05));
        }
        return recommendations;
    }
}
