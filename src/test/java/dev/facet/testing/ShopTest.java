package dev.facet.testing;

import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;

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
}
