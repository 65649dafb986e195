package dev.facet.security;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static dev.facet.testing.Shop.queryAs;
import static dev.facet.testing.Shop.requestsByService;
import static dev.facet.testing.Shop.send;
import static dev.facet.testing.Shop.sendAs;
import static dev.facet.testing.Shop.urls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Who the caller is, as the shop contract's "Who sees what" puts it: only a verified token names a user, that user
 * is the token's {@code sub}, anonymous callers get the public operations and an UNAUTHENTICATED error for the rest,
 * and the caller's token — and only the caller's token — travels on to the internal services.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class SignedInUserTests extends ShopTest {

    /** Services an AccountPage for a user with orders reaches: account, orders (and their products), picks. */
    private static final List<String> ACCOUNT_PAGE_SERVICES = List.of("accounts", "orders", "recommendations",
            "catalog", "reviews");

    private static final Pattern OWNER = Pattern.compile("^/accounts/users/(u\\d+)$|[?&]userId=(u\\d+)");


    /** Tokens that are each wrong in exactly one way (or not tokens at all); none may name a user. */
    enum BadToken {
        EXPIRED {
            @Override
            String token() {
                return TestIdentityProvider.tokenFor("u3").expired().sign();
            }
        },
        WRONG_AUDIENCE {
            @Override
            String token() {
                return TestIdentityProvider.tokenFor("u3").audience("some-other-api").sign();
            }
        },
        WRONG_ISSUER {
            @Override
            String token() {
                return TestIdentityProvider.tokenFor("u3").issuer("https://idp.attacker.example/realms/shop").sign();
            }
        },
        SIGNED_BY_ANOTHER_KEY_WITH_THE_PUBLISHED_KID {
            @Override
            String token() {
                return TestIdentityProvider.tokenFor("u3").signedByAnotherKey().sign();
            }
        },
        ALG_NONE {
            @Override
            String token() {
                return TestIdentityProvider.tokenFor("u3").unsigned();
            }
        },
        GARBAGE {
            @Override
            String token() {
                return "not-a-jwt";
            }
        },
        OPAQUE_RANDOM {
            @Override
            String token() {
                // What a token from some other system looks like: no dots, so quarkus-oidc sees an opaque token,
                // which only introspection could judge — and introspection is switched off.
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            }
        };

        abstract String token();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. Bad tokens never yield user data, and never cost the services a request
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadToken.class)
    void badTokenIsRefusedWith401BeforeAnyServiceIsCalled(BadToken bad) {
        String body = send(bad.token(), operation("web", "AccountPage"), Map.of())
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith("application/json"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", equalTo("The bearer token is not valid: sign in again"))
                .extract().asString();

        assertThat(body).doesNotContain("User ").doesNotContain("\"data\"");
        // The refusal happens before any resolver runs: nothing went to the shop's services (the IdP is not one).
        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void badTokenIsAnsweredInTheNegotiatedMediaType() {
        given().header("X-Client-Name", "web").header("Accept", "application/graphql-response+json")
                .auth().oauth2("not-a-token").contentType("application/json")
                .body("{\"query\":\"{ __typename }\"}").post("/graphql")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith("application/graphql-response+json"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadToken.class)
    void badTokenIsRefusedEvenForAPublicOperation(BadToken bad) {
        // quarkus-oidc's default: a token that is presented must be valid, even where none is needed. A client
        // with a broken token learns so at once instead of silently browsing as anonymous.
        send(bad.token(), operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        assertThat(urls(shop)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. Anonymous callers: public operations work, user-only fields answer UNAUTHENTICATED
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void anonymousMeIsNullWithUnauthenticatedError() {
        sendAs(Shop.WEB, null, operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("data.me", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", contains("me"));

        // Without a user there is nobody to look up: no account, order or recommendation request.
        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void anonymousHomeIsNullWithUnauthenticatedError() {
        sendAs(Shop.MOBILE, null, operation("mobile", "Home"), Map.of())
                .statusCode(200)
                .body("data.home", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", contains("home"));

        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void anonymousPlaceOrderIsRefusedAndNoOrderIsPlaced() {
        sendAs(Shop.WEB, null, operation("web", "PlaceOrder"), Map.of("input", orderOfTwoP1("anonymous-attempt-1")))
                .statusCode(200)
                .body("data.placeOrder", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", contains("placeOrder"));

        // The point of refusing: the orders service never saw an order without a buyer.
        assertThat(shop.findAll(postRequestedFor(urlPathEqualTo("/orders/orders")))).isEmpty();
        assertThat(urls(shop)).isEmpty();
    }

    @Test
    void productPageWorksWithoutAToken() {
        // p6: price 100 + 6*37 = 322 cents, stock 6*13 % 50 = 28, 6 % 7 = 6 reviews
        query(operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.price.formatted", equalTo("€3.22"))
                .body("data.product.stock.available", equalTo(28))
                .body("data.product.rating.count", equalTo(6))
                // the newest review (k = 6) is by u((6 + 6) % 1000 + 1) = u13
                .body("data.product.reviews[0].author.name", equalTo("User 13"));
    }

    @Test
    void categoryPageWorksWithoutAToken() {
        // c3 holds p3, p23, p43, …; p3 costs 100 + 3*37 = 211 cents
        query(operation("web", "CategoryPage"), Map.of("category", "c3"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.products.edges", hasSize(20))
                .body("data.products.edges[0].node.id", equalTo("p3"))
                .body("data.products.edges[0].node.price.formatted", equalTo("€2.11"))
                .body("data.products.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void mobileProductDetailWorksWithoutAToken() {
        // p6: 322 cents, stock 28 > 0, ratings 3, 4, 5, 1, 2, 3 -> mean 3.0 over 6
        queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.id", equalTo("p6"))
                .body("data.productCard.title", equalTo("Product 6"))
                .body("data.productCard.priceLabel", equalTo("€3.22"))
                .body("data.productCard.thumbnailUrl", equalTo("https://img.shop.example/products/p6/1.jpg"))
                .body("data.productCard.inStock", equalTo(true))
                .body("data.productCard.ratingAverage", equalTo(3.0f))
                .body("data.productCard.reviewCount", equalTo(6));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. Token relay: the caller's token, and only it, reaches the services
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void accountPageRelaysTheCallersTokenToEveryService() {
        String token = TestIdentityProvider.tokenFor("u3").sign();
        send(token, operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 3"));

        Map<String, List<ServeEvent>> byService = requestsByService(shop);
        // Without this, "every request carries the token" would hold vacuously for a service never called.
        assertThat(byService).containsKeys(ACCOUNT_PAGE_SERVICES.toArray(String[]::new));
        assertEveryRequestCarries(byService, "Bearer " + token);
    }

    @Test
    void publicOperationWithoutATokenSendsNoAuthorizationDownstream() {
        query(operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue());

        Map<String, List<ServeEvent>> byService = requestsByService(shop);
        assertThat(byService).containsKeys("catalog", "inventory", "reviews", "accounts");
        assertNoRequestCarriesAuthorization(byService);
    }

    @Test
    void anonymousRequestAfterASignedInOneSendsNoAuthorizationDownstream() {
        // The relay is an application-wide filter reading the current identity: a token must not outlive its
        // request and ride along on the next, anonymous one.
        String token = TestIdentityProvider.tokenFor("u3").sign();
        send(token, operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue());
        shop.resetRequests();

        query(operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Product 6"));

        Map<String, List<ServeEvent>> byService = requestsByService(shop);
        assertThat(byService).containsKeys("catalog", "inventory", "reviews", "accounts");
        assertNoRequestCarriesAuthorization(byService);
    }

    @Test
    void publicOperationWithAValidTokenWorksAndRelaysIt() {
        String token = TestIdentityProvider.tokenFor("u8").sign();
        send(token, operation("web", "ProductPage"), Map.of("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Product 6"))
                .body("data.product.reviews[0].author.name", equalTo("User 13"));

        Map<String, List<ServeEvent>> byService = requestsByService(shop);
        assertThat(byService).containsKeys("catalog", "inventory", "reviews", "accounts");
        assertEveryRequestCarries(byService, "Bearer " + token);
    }

    @Test
    void concurrentCallersEachRelayOnlyTheirOwnToken() throws Exception {
        // The relay reads "the current identity" from an application-wide filter while calls run on shared event
        // loops: with many users at once, each user's calls must carry that user's token and no one else's.
        Map<String, String> tokens = new HashMap<>();
        for (int n = 1; n <= 16; n++) {
            tokens.put("u" + n, TestIdentityProvider.tokenFor("u" + n).sign());
        }
        ExecutorService callers = Executors.newFixedThreadPool(tokens.size());
        try {
            List<Future<String>> names = new ArrayList<>();
            tokens.forEach((user, token) -> names.add(callers.submit(() -> send(token,
                    operation("web", "AccountPage"), Map.of()).statusCode(200).extract().path("data.me.name"))));
            List<String> answered = new ArrayList<>();
            for (Future<String> name : names) {
                answered.add(name.get());
            }
            assertThat(answered).containsExactlyInAnyOrderElementsOf(
                    tokens.keySet().stream().map(user -> "User " + user.substring(1)).toList());
        } finally {
            callers.shutdownNow();
        }

        // Every request that names its user (account, orders, recommendations) carries exactly that user's token.
        List<ServeEvent> attributable = shop.getAllServeEvents().stream()
                .filter(event -> ownerOf(event.getRequest().getUrl()) != null).toList();
        assertThat(attributable).hasSize(3 * tokens.size());
        attributable.forEach(event -> assertThat(event.getRequest().getHeader("Authorization"))
                .as("Authorization on %s", event.getRequest().getUrl())
                .isEqualTo("Bearer " + tokens.get(ownerOf(event.getRequest().getUrl()))));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. The user is the token's sub
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void meIsTheUserNamedByTheTokensSub() {
        send(TestIdentityProvider.tokenFor("u4").sign(), operation("web", "AccountPage"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.name", equalTo("User 4"))
                .body("data.me.email", equalTo("user4@shop.example"));

        assertThat(urls(shop)).contains("/accounts/users/u4");
    }

    @Test
    void placeOrderBuysForTheTokensSubUnderTheDigestOfItAndTheClientsIdempotencyKey() throws Exception {
        send(TestIdentityProvider.tokenFor("u5").sign(), operation("web", "PlaceOrder"),
                Map.of("input", orderOfTwoP1("signed-in-user-tests-1")))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.placeOrder.id", notNullValue())
                .body("data.placeOrder.status", equalTo("PLACED"));

        List<LoggedRequest> posts = shop.findAll(postRequestedFor(urlPathEqualTo("/orders/orders")));
        assertThat(posts).hasSize(1);
        LoggedRequest post = posts.get(0);
        JsonPath order = JsonPath.from(post.getBodyAsString());
        assertThat(order.getString("userId")).isEqualTo("u5");
        assertThat(order.getList("lines.productId")).containsExactly("p1");
        assertThat(order.getList("lines.quantity")).containsExactly(2);
        // the user's own key: sha256("u5\n" + the client's key), so no other user's key can replay this order
        assertThat(post.getHeader("Idempotency-Key")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(
                        "u5\nsigned-in-user-tests-1".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. For now a token of either client may run any operation
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void mobileClientsTokenRunsMobileHomeForItsUser() {
        String token = TestIdentityProvider.tokenFor("u7").client(TestIdentityProvider.MOBILE).sign();
        send(token, operation("mobile", "Home"), Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.home.greeting", equalTo("Hello, User 7"))
                // recommendations for u7 start at p(7*31 % 10000 + 1) = p218
                .body("data.home.recommended", hasSize(10))
                .body("data.home.recommended[0].id", equalTo("p218"))
                // u7 has 7 % 4 = 3 orders, newest first
                .body("data.home.recentOrders.id", contains("o7-3", "o7-2", "o7-1"));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Map<String, Object> orderOfTwoP1(String idempotencyKey) {
        return Map.of("lines", List.of(Map.of("productId", "p1", "quantity", 2)), "idempotencyKey", idempotencyKey);
    }

    /** The user a request is about, from {@code /accounts/users/uN} or a {@code userId=uN} parameter; else null. */
    private static String ownerOf(String url) {
        Matcher owner = OWNER.matcher(url);
        if (!owner.find()) {
            return null;
        }
        return owner.group(1) != null ? owner.group(1) : owner.group(2);
    }

    private static void assertEveryRequestCarries(Map<String, List<ServeEvent>> byService, String authorization) {
        byService.forEach((service, events) -> events.forEach(event -> assertThat(
                event.getRequest().getHeader("Authorization"))
                .as("Authorization on %s %s", event.getRequest().getMethod(), event.getRequest().getUrl())
                .isEqualTo(authorization)));
    }

    private static void assertNoRequestCarriesAuthorization(Map<String, List<ServeEvent>> byService) {
        byService.forEach((service, events) -> events.forEach(event -> assertThat(
                event.getRequest().containsHeader("Authorization"))
                .as("Authorization present on %s %s", event.getRequest().getMethod(), event.getRequest().getUrl())
                .isFalse()));
    }
}
