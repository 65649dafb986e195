package dev.facet.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.facet.testing.ManagementPort;
import dev.facet.testing.ShopServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The shop behind Facet with a real Keycloak in front: the shop's six services (WireMock, {@link ShopServices}) and
 * Keycloak 26 with the realm Facet ships ({@code docker/keycloak/shop-realm.json}), configured as
 * {@code docker/docker-compose.yml} configures Facet — OIDC discovery against Keycloak's realm on Facet's own
 * address for it, the issuer as users' apps see it, and {@code facet.identity.user-id-claim=preferred_username}.
 *
 * <p>Beside the shipped realm, Keycloak gets what only a test needs: a second realm ({@value #OTHER_REALM}) with
 * the same clients and users — its tokens are as good as the shop's, only not Facet's — and one more web client
 * ({@value #SHORT_LIVED_CLIENT}) whose tokens expire after {@value #SHORT_LIFESPAN_SECONDS} seconds.
 */
public class KeycloakShop implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "shop";
    static final String OTHER_REALM = "other";
    static final String SHORT_LIVED_CLIENT = "shop-web-short-lived";
    static final int SHORT_LIFESPAN_SECONDS = 10;
    private static final Path SHIPPED_REALM = Path.of("docker", "keycloak", "shop-realm.json");

    /** Marks the test field that receives the running Keycloak. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectKeycloak {
    }

    private final ShopServices shop = new ShopServices();
    private KeycloakServer keycloak;

    @Override
    public Map<String, String> start() {
        keycloak = KeycloakServer.fromBuild();
        keycloak.start(realms());
        Map<String, String> config = new HashMap<>(shop.start());
        // the shop's own test identity provider is not the one Facet trusts here
        config.keySet().removeIf(key -> key.startsWith("quarkus.oidc."));
        config.put("quarkus.oidc.auth-server-url", keycloak.backchannelUrl() + "/realms/" + REALM);
        config.put("quarkus.oidc.token.issuer", keycloak.issuer(REALM));
        config.put("facet.identity.user-id-claim", "preferred_username");
        config.put("facet.clients.web.client-ids", "shop-web," + SHORT_LIVED_CLIENT);
        // the warm-up is proven elsewhere (WarmUpTests); here it would only put its own calls into the journal
        config.put("facet.warm-up.enabled", "false");
        // the jar runs in prod mode: its management port would be 9000, a developer's quarkus:dev one
        config.put("quarkus.management.port", String.valueOf(ManagementPort.port()));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        shop.inject(injector);
        injector.injectIntoFields(keycloak,
                new TestInjector.AnnotatedAndMatchesType(InjectKeycloak.class, KeycloakServer.class));
    }

    @Override
    public void stop() {
        try {
            shop.stop();
        } finally {
            if (keycloak != null) {
                keycloak.stop();
            }
        }
    }

    /** The realm files Keycloak imports: the shipped realm (plus the short-lived client) and the other realm. */
    private static Map<String, String> realms() {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode shipped = (ObjectNode) json.readTree(Files.readString(SHIPPED_REALM));

            ObjectNode shopRealm = shipped.deepCopy();
            ObjectNode shortLived = webClient(shopRealm).deepCopy();
            shortLived.put("clientId", SHORT_LIVED_CLIENT);
            shortLived.putObject("attributes").put("access.token.lifespan", String.valueOf(SHORT_LIFESPAN_SECONDS));
            ((ArrayNode) shopRealm.get("clients")).add(shortLived);

            ObjectNode otherRealm = shipped.deepCopy();
            otherRealm.put("realm", OTHER_REALM);
            otherRealm.put("displayName", "Not the shop");
            for (JsonNode user : otherRealm.get("users")) {
                ((ObjectNode) user).putArray("realmRoles").add("default-roles-" + OTHER_REALM);
            }

            Map<String, String> realms = new LinkedHashMap<>();
            realms.put("shop-realm.json", json.writeValueAsString(shopRealm));
            realms.put("other-realm.json", json.writeValueAsString(otherRealm));
            return realms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode webClient(ObjectNode realm) {
        for (JsonNode client : realm.get("clients")) {
            if ("shop-web".equals(client.path("clientId").asText())) {
                return (ObjectNode) client;
            }
        }
        throw new IllegalStateException(SHIPPED_REALM + " has no shop-web client");
    }
}
