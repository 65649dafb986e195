package dev.facet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.facet.testing.ShopServices.InjectShop;

/**
 * What every test against the shop shares: the shop's WireMock server, and a healthy shop with an empty journal
 * and closed breakers before each test. Subclasses are {@code @QuarkusTest @WithTestResource(ShopServices.class)}.
 */
public abstract class ShopTest {

    @InjectShop
    protected WireMockServer shop;

    @BeforeEach
    void resetShop() {
        ShopServices.reset(shop);
    }

    /** Waits (at most 5 s) until the shop has received {@code count} requests like {@code pattern}. */
    protected void awaitRequests(RequestPatternBuilder pattern, int count) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (shop.findAll(pattern).size() < count && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(shop.findAll(pattern)).hasSizeGreaterThanOrEqualTo(count);
    }
}
