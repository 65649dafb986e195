package dev.facet.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Starts the shop — its six services under one WireMock server, each under its own base path as an operator would
 * configure them — and the test identity provider, and points Facet at both. Tests get the server with
 * {@link InjectShop} to count requests, inject faults, and {@link #reset} between tests.
 */
public class ShopServices implements QuarkusTestResourceLifecycleManager {

    public static final String[] SERVICES = { "accounts", "catalog", "inventory", "reviews", "orders",
            "recommendations" };

    /** Marks the test field that receives the shop's WireMock server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectShop {
    }

    private static final ShopWorldResponses WORLD = new ShopWorldResponses();
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(WORLD).asynchronousResponseEnabled(true)
                .containerThreads(40).asynchronousResponseThreads(20));
        server.start();
        resetStubs(server);
        String base = "http://localhost:" + server.port();
        Map<String, String> config = new java.util.HashMap<>();
        for (String service : SERVICES) {
            config.put("quarkus.rest-client." + service + ".url", base + "/" + service);
        }
        config.put("quarkus.oidc.auth-server-url", base + "/idp");
        config.put("quarkus.oidc.token.issuer", TestIdentityProvider.ISSUER);
        config.put("quarkus.oidc.token.audience", TestIdentityProvider.AUDIENCE);
        return config;
    }

    /**
     * Back to a healthy shop with no placed orders and an empty request journal, and Facet's circuit breakers
     * closed, so that faults one test injected never cost another test its calls.
     */
    public static void reset(WireMockServer server) {
        resetStubs(server);
        CircuitBreakerMaintenance.get().resetAll();
    }

    private static void resetStubs(WireMockServer server) {
        server.resetAll();
        WORLD.reset();
        for (String service : SERVICES) {
            server.stubFor(any(urlPathMatching("/" + service + "/.*")).atPriority(10)
                    .willReturn(aResponse().withTransformers(ShopWorldResponses.NAME)));
        }
        server.stubFor(get(urlPathEqualTo("/idp/.well-known/openid-configuration")).willReturn(okJson("""
                {"issuer":"%s","jwks_uri":"%s"}""".formatted(TestIdentityProvider.ISSUER,
                "http://localhost:" + server.port() + "/idp/jwks"))));
        server.stubFor(get(urlPathEqualTo("/idp/jwks")).willReturn(okJson(TestIdentityProvider.jwks())));
    }

    /** The shop's own answer, as the default stubs give it; for stubs that only delay or sequence it. */
    public static ResponseDefinitionBuilder theShopsAnswer() {
        return aResponse().withTransformers(ShopWorldResponses.NAME);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectShop.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
