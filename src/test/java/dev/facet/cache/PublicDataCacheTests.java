package dev.facet.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.facet.testing.Shop.operation;
import static dev.facet.testing.Shop.query;
import static dev.facet.testing.Shop.queryAs;
import static dev.facet.testing.Shop.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.facet.testing.MetricsScrape;
import dev.facet.testing.PublicDataProfile;
import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import dev.facet.testing.TestIdentityProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Facet with catalog products, pages, categories and ratings declared public ({@link PublicDataProfile}), counted
 * at the shop: what is kept is not asked again, for as long as the route and the service allow; what is someone's
 * is asked every time and reaches only them; what is shared was read as nobody. The cache lives as long as the
 * application, across tests: each test reads products and categories no other test of this class reads.
 */
@QuarkusTest
@TestProfile(PublicDataProfile.class)
@WithTestResource(ShopServices.class)
class PublicDataCacheTests extends ShopTest {

    @Inject
    PublicData publicData;

    @Test
    void aHotProductReadInTwoRequestsCostsOneCatalogCallAndOneRatingsCall() {
        for (int i = 0; i < 2; i++) {
            queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p101"))
                    .statusCode(200)
                    .body("errors", nullValue())
                    .body("data.productCard.title", equalTo("Product 101"));
        }
        assertThat(calls("/catalog/products/p101")).as(urls()).isEqualTo(1);
        assertThat(calls("/reviews/ratings?productIds=p101")).as(urls()).isEqualTo(1);
        assertThat(calls("/inventory/stock?productIds=p101")).as("stock is not declared public").isEqualTo(2);
        assertThat(publicData.counts().get("catalog.products").hits()).isPositive();
    }

    @Test
    void theCachesAnswersAreMetricsByRouteAndResult() {
        for (int i = 0; i < 3; i++) {
            queryAs(Shop.MOBILE, operation("mobile", "ProductDetail"), Map.of("id", "p107")).statusCode(200);
        }
        String scrape = MetricsScrape.scrape();

        var counts = publicData.counts().get("catalog.products");
        assertThat((long) MetricsScrape.value(scrape, "facet_cache_public_answers_total", "result=\"hit\"",
                "route=\"catalog.products\""))
                .isEqualTo(counts.hits()).isGreaterThanOrEqualTo(2);
        assertThat((long) MetricsScrape.value(scrape, "facet_cache_public_answers_total", "result=\"miss\"",
                "route=\"catalog.products\""))
                .isEqualTo(counts.misses() - counts.sharedHits()).isPositive();
    }

    @Test
    void aBatchAsksOnlyForTheIdsNotKept() {
        query("{ a: product(id: \"p110\") { name } }").statusCode(200).body("data.a.name", equalTo("Product 110"));
        query("{ a: product(id: \"p110\") { name } b: product(id: \"p111\") { name } c: product(id: \"p112\") { name } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.a.name", equalTo("Product 110"))
                .body("data.c.name", equalTo("Product 112"));

        assertThat(urlsDecoded()).containsExactly("/catalog/products/p110", "/catalog/products?ids=p111,p112");
    }

    @Test
    void afterItsTtlTheCategoriesAreFetchedAgain() throws InterruptedException {
        String document = "{ product(id: \"p120\") { category { name } } }";
        query(document).statusCode(200).body("data.product.category.name", equalTo("Category 20"));
        query(document).statusCode(200).body("data.product.category.name", equalTo("Category 20"));
        assertThat(calls("/catalog/categories")).as(urls()).isEqualTo(1);

        Thread.sleep(PublicDataProfile.CATEGORIES_TTL_MILLIS + 300);
        query(document).statusCode(200).body("data.product.category.name", equalTo("Category 20"));
        assertThat(calls("/catalog/categories")).as(urls()).isEqualTo(2);
        assertThat(calls("/catalog/products/p120")).as("the product's own hour has not passed").isEqualTo(1);
    }

    @Test
    void aMaxAgeShorterThanTheTtlWins() throws InterruptedException {
        withCacheControl("/catalog/products/p130", "public, max-age=1");
        String document = "{ product(id: \"p130\") { name } }";
        query(document).statusCode(200).body("data.product.name", equalTo("Product 130"));
        query(document).statusCode(200).body("data.product.name", equalTo("Product 130"));
        assertThat(calls("/catalog/products/p130")).isEqualTo(1);

        Thread.sleep(1_200);
        query(document).statusCode(200).body("data.product.name", equalTo("Product 130"));
        assertThat(calls("/catalog/products/p130")).as("max-age=1 is one second, not the route's hour").isEqualTo(2);
    }

    @Test
    void aNoStoreOrPrivateAnswerIsNeverKept() {
        withCacheControl("/catalog/products/p140", "no-store");
        withCacheControl("/catalog/products/p141", "private, max-age=600");
        for (int i = 0; i < 3; i++) {
            query("{ a: product(id: \"p140\") { name } }").statusCode(200).body("data.a.name", equalTo("Product 140"));
            query("{ b: product(id: \"p141\") { name } }").statusCode(200).body("data.b.name", equalTo("Product 141"));
        }
        assertThat(calls("/catalog/products/p140")).as(urls()).isEqualTo(3);
        assertThat(calls("/catalog/products/p141")).as(urls()).isEqualTo(3);
    }

    @Test
    void aSignedInUsersAccountIsNeverServedToAnotherAndTheCatalogIsReadWithoutTheirToken() {
        String u31 = TestIdentityProvider.tokenFor("u31").sign();
        String u32 = TestIdentityProvider.tokenFor("u32").sign();
        String first = send(u31, operation("web", "AccountPage"), Map.of()).statusCode(200)
                .body("errors", nullValue()).body("data.me.name", equalTo("User 31"))
                .extract().asString();
        send(u32, operation("web", "AccountPage"), Map.of()).statusCode(200)
                .body("errors", nullValue()).body("data.me.name", equalTo("User 32"))
                .body("data.me.recommendations", hasSize(8));
        String again = send(u31, operation("web", "AccountPage"), Map.of()).statusCode(200)
                .body("data.me.name", equalTo("User 31")).extract().asString();

        assertThat(JsonPath.from(again).getList("data.me.orders.id"))
                .isEqualTo(JsonPath.from(first).getList("data.me.orders.id"));
        // every personal read is made again for every request, each with its own user's token
        assertThat(calls("/accounts/users/u31")).isEqualTo(2);
        assertThat(calls("/accounts/users/u32")).isEqualTo(1);
        assertThat(calls("/orders/orders?userId=u31&limit=5")).isEqualTo(2);
        assertThat(calls("/recommendations/recommendations?userId=u31&limit=8")).isEqualTo(2);
        assertThat(events("/accounts/").stream().map(event -> event.getRequest().getHeader("Authorization")))
                .containsExactlyInAnyOrder("Bearer " + u31, "Bearer " + u32, "Bearer " + u31);

        // and the products and ratings they were shown, shared with everyone, were read as nobody
        assertThat(events("/catalog/")).isNotEmpty().allSatisfy(event -> assertThat(
                event.getRequest().containsHeader("Authorization")).as(event.getRequest().getUrl()).isFalse());
        assertThat(events("/reviews/")).isNotEmpty().allSatisfy(event -> assertThat(
                event.getRequest().containsHeader("Authorization")).as(event.getRequest().getUrl()).isFalse());
    }

    @Test
    void aSignedInProductPageReadsTheCatalogAsNobody() {
        String token = TestIdentityProvider.tokenFor("u33").sign();
        send(token, operation("web", "ProductPage"), Map.of("id", "p150")).statusCode(200)
                .body("errors", nullValue()).body("data.product.name", equalTo("Product 150"));

        List<ServeEvent> catalog = events("/catalog/products/p150");
        assertThat(catalog).hasSize(1);
        assertThat(catalog.get(0).getRequest().containsHeader("Authorization")).isFalse();
        // the reviews list is not declared public: it still travels with the caller's token, as always
        assertThat(events("/reviews/reviews").get(0).getRequest().getHeader("Authorization"))
                .isEqualTo("Bearer " + token);
    }

    @Test
    void concurrentRequestsForOneCategoryPageShareOneCatalogCall() throws Exception {
        shop.stubFor(get(urlPathEqualTo("/catalog/products")).withQueryParam("category", WireMock.equalTo("c7"))
                .atPriority(1).willReturn(ShopServices.theShopsAnswer().withFixedDelay(400)));
        int requests = 8;
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Callable<Integer>> pages = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                pages.add(() -> query(operation("web", "CategoryPage"), Map.of("category", "c7"))
                        .statusCode(200).body("errors", nullValue())
                        .extract().path("data.products.edges.size()"));
            }
            long coalesced = publicData.counts().get("catalog.pages").coalesced();
            for (Future<Integer> page : clients.invokeAll(pages)) {
                assertThat(page.get()).isEqualTo(20);
            }
            assertThat(calls("/catalog/products?category=c7&limit=20")).as(urls()).isEqualTo(1);
            assertThat(publicData.counts().get("catalog.pages").coalesced() - coalesced).isPositive();
        } finally {
            clients.shutdownNow();
        }
    }

    private void withCacheControl(String path, String cacheControl) {
        shop.stubFor(get(urlPathEqualTo(path)).atPriority(1)
                .willReturn(ShopServices.theShopsAnswer().withHeader("Cache-Control", cacheControl)));
    }

    private long calls(String url) {
        return urlsDecoded().stream().filter(url::equals).count();
    }

    private List<ServeEvent> events(String prefix) {
        return shop.getAllServeEvents().stream().filter(event -> event.getRequest().getUrl().startsWith(prefix))
                .toList();
    }

    private List<String> urlsDecoded() {
        return Shop.urls(shop).stream().map(url -> URLDecoder.decode(url, StandardCharsets.UTF_8)).toList();
    }

    private String urls() {
        return urlsDecoded().toString();
    }
}
