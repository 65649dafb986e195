package dev.facet.downstream.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import dev.facet.downstream.EventLoopClients;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/**
 * A call made on an event loop goes through that loop's own client, so its connection lives on the loop of the
 * request that makes it (no hand-off to another loop to write, none back to read); off an event loop the CDI
 * client serves. Each loop's client really reaches the service.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class EventLoopClientsTests extends ShopTest {

    @Inject
    EventLoopClients loops;

    @Inject
    @RestClient
    CatalogClient shared;

    @Inject
    Vertx vertx;

    @Test
    void eachEventLoopCallsThroughItsOwnClientAndKeepsIt() throws Exception {
        EventLoopClients.PerLoop<CatalogClient> catalog = loops.of(CatalogClient.class, shared);
        ContextInternal first = ((VertxInternal) vertx).createEventLoopContext();
        ContextInternal second = ((VertxInternal) vertx).createEventLoopContext();
        assertThat(first.nettyEventLoop()).as("two contexts on two loops").isNotSameAs(second.nettyEventLoop());

        Called onFirst = callCategories(first, catalog);
        Called onSecond = callCategories(second, catalog);
        Called onFirstAgain = callCategories(first, catalog);

        assertThat(onFirst.client).isNotSameAs(shared).isNotSameAs(onSecond.client);
        assertThat(onSecond.client).isNotSameAs(shared);
        assertThat(onFirstAgain.client).as("a loop keeps its client").isSameAs(onFirst.client);
        assertThat(onFirst.categories).isNotEmpty().isEqualTo(onSecond.categories);
        assertThat(onFirst.answeredOn).as("answered on the calling loop").isEqualTo(onFirst.calledOn);
        assertThat(onSecond.answeredOn).isEqualTo(onSecond.calledOn);
        shop.verify(3, getRequestedFor(urlPathEqualTo("/catalog/categories")));
    }

    @Test
    void offAnEventLoopTheSharedClientServes() {
        EventLoopClients.PerLoop<CatalogClient> catalog = loops.of(CatalogClient.class, shared);

        assertThat(catalog.get()).isSameAs(shared);
    }

    private static Called callCategories(ContextInternal context, EventLoopClients.PerLoop<CatalogClient> catalog)
            throws Exception {
        CompletableFuture<Called> called = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            CatalogClient client = catalog.get();
            Thread calledOn = Thread.currentThread();
            client.categories().subscribe().with(
                    categories -> called.complete(new Called(client, categories, calledOn, Thread.currentThread())),
                    called::completeExceptionally);
        });
        return called.get(10, TimeUnit.SECONDS);
    }

    private record Called(CatalogClient client, List<CategoryDto> categories, Thread calledOn, Thread answeredOn) {
    }
}
