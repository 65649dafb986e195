package dev.facet.deploy;

import static dev.facet.deploy.DeploymentFiles.DOCKER;
import static dev.facet.deploy.DeploymentFiles.SERVICES;
import static dev.facet.deploy.DeploymentFiles.strings;
import static dev.facet.deploy.DeploymentFiles.text;
import static dev.facet.deploy.DeploymentFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code docker/docker-compose.yml} read as compose reads it (there is no Docker engine where the tests run): every
 * service can be built or pulled, Facet finds the demo services, Keycloak and the rest under the names compose gives
 * them, a token fetched on the host validates inside compose, and both images run Java with exactly
 * {@code docker/jvm.options}.
 */
class ComposeFileTests {

    private static final Path COMPOSE = DOCKER.resolve("docker-compose.yml");
    private static final JsonNode SERVICES_NODE = yaml(COMPOSE).get("services");

    @Test
    void everyServiceHasAnImageOrABuildThatExists() {
        assertThat(serviceNames()).contains("facet", "demo", "keycloak", "prometheus", "jaeger", "redis");
        for (String name : serviceNames()) {
            JsonNode service = service(name);
            assertThat(service.has("image") || service.has("build")).as("%s: image or build", name).isTrue();
            if (service.has("build")) {
                assertThat(dockerfile(name)).as("%s's Dockerfile", name).isRegularFile();
            }
        }
    }

    @Test
    void facetIsBuiltFromDockerfileJvmAndTheDemoIsTheSameImageWithTheDemoServices() {
        assertThat(dockerfile("facet")).isEqualTo(DOCKER.resolve("Dockerfile.jvm").normalize());
        assertThat(context("facet")).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(context("demo")).isEqualTo(Path.of("").toAbsolutePath());

        String demo = text(dockerfile("demo"));
        // facet.demo.enabled is read at build time: the demo image is built, not configured, with the services
        assertThat(demo).containsPattern("RUN mvn[^\\n]* -Dfacet\\.demo\\.enabled=true");
        // ...and it runs on what Facet runs on, started the same way
        assertThat(lastFrom(demo)).isEqualTo(lastFrom(text(dockerfile("facet"))));
        assertThat(entrypoint(demo)).isEqualTo(entrypoint(text(dockerfile("facet"))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Dockerfile.jvm", "Dockerfile.demo" })
    void imageRunsJavaWithExactlyTheJvmOptions(String name) {
        String dockerfile = text(DOCKER.resolve(name));
        assertThat(entrypoint(dockerfile))
                .isEqualTo("[ \"java\", \"@/deployments/jvm.options\", \"-jar\", \"/deployments/quarkus-run.jar\" ]");
        assertThat(dockerfile).contains("COPY --chown=185 docker/jvm.options /deployments/jvm.options");
        // nothing that would add options behind the file's back
        String instructions = String.join("\n", dockerfile.lines().filter(line -> !line.startsWith("#")).toList());
        assertThat(instructions).doesNotContain("JAVA_OPTS").doesNotContain("JAVA_TOOL_OPTIONS")
                .doesNotContain("run-java.sh");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Dockerfile.jvm", "Dockerfile.demo" })
    void buildContextHoldsWhatTheDockerfileCopies(String name) {
        // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile instead of the root .dockerignore
        Path ignore = DOCKER.resolve(name + ".dockerignore");
        List<String> patterns = text(ignore).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(patterns.get(0)).isEqualTo("*");
        List<String> included = patterns.stream().filter(p -> p.startsWith("!")).map(p -> p.substring(1)).toList();

        for (String source : copiedFromContext(text(DOCKER.resolve(name)))) {
            assertThat(included).as("%s copies %s", name, source)
                    .anyMatch(pattern -> source.startsWith(pattern) || (source + "/").startsWith(pattern)
                            || source.startsWith(pattern.replace("*", "")));
        }
    }

    @Test
    void facetCallsEachServiceAtTheDemoContainer() {
        Map<String, String> env = environment("facet");
        for (String service : SERVICES) {
            String variable = "QUARKUS_REST_CLIENT_" + service.toUpperCase() + "_URL";
            URI url = URI.create(env.get(variable));
            assertThat(url.getHost()).as(variable).isEqualTo("demo");
            assertThat(url.getPort()).as(variable).isEqualTo(8080);
            assertThat(url.getPath()).as(variable).isEqualTo("/demo/" + service);
            // the demo serves that path
            assertThat(demoResourcePaths()).contains("/demo/" + service);
        }
        assertThat(service("demo").get("expose").toString()).contains("8080");
    }

    @Test
    void keycloakIsTheOneTheIntegrationTestsRunWithTheShippedRealmMounted() {
        JsonNode keycloak = service("keycloak");
        String version = pomProperty("keycloak.version");
        assertThat(keycloak.get("image").asText()).isEqualTo("quay.io/keycloak/keycloak:" + version);
        assertThat(keycloak.get("command").toString()).contains("start-dev").contains("--import-realm");

        assertThat(volumes("keycloak")).contains("./keycloak:/opt/keycloak/data/import:ro");
        JsonNode realm = yaml(DOCKER.resolve("keycloak").resolve("shop-realm.json"));
        assertThat(realm.get("realm").asText()).isEqualTo("shop");
        assertThat(realm.get("clients").findValuesAsText("clientId")).contains("shop-web", "shop-mobile");
    }

    @Test
    void tokenFetchedFromTheHostValidatesInsideCompose() {
        Map<String, String> keycloak = environment("keycloak");
        Map<String, String> facet = environment("facet");

        // Keycloak names the address the host reaches it on as the issuer of every token...
        String published = hostPort("keycloak", 8080);
        assertThat(keycloak.get("KC_HOSTNAME")).isEqualTo("http://localhost:" + published);
        // ...while Facet reaches it on the compose network, and gets back-channel URLs (the JWKS) on that address
        assertThat(keycloak.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC")).isEqualTo("true");
        assertThat(facet.get("QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo("http://keycloak:8080/realms/shop");
        assertThat(facet.get("QUARKUS_OIDC_TOKEN_ISSUER")).isEqualTo(keycloak.get("KC_HOSTNAME") + "/realms/shop");
        assertThat(facet).doesNotContainKey("QUARKUS_OIDC_JWKS_PATH");
        assertThat(facet.get("FACET_IDENTITY_USER_ID_CLAIM")).isEqualTo("preferred_username");
        // Facet starts once Keycloak can answer discovery
        assertThat(service("facet").at("/depends_on/keycloak/condition").asText()).isEqualTo("service_healthy");
        assertThat(service("keycloak").has("healthcheck")).isTrue();
    }

    @Test
    void facetPublishesItsPortAndSendsTracesAndStateToTheirServices() {
        assertThat(hostPort("facet", 8080)).isEqualTo("8080");
        Map<String, String> facet = environment("facet");

        URI otlp = URI.create(facet.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
        assertThat(serviceNames()).contains(otlp.getHost());
        assertThat(service(otlp.getHost()).toString()).contains(String.valueOf(otlp.getPort()));
        assertThat(service(otlp.getHost()).toString()).contains("0.0.0.0:" + otlp.getPort()); // not only localhost

        assertThat(facet.get("QUARKUS_REDIS_HOSTS")).isEqualTo("redis://redis:6379");
        assertThat(service("redis").get("image").asText()).isEqualTo("redis:7");
        // bounded, and full means evicting keys (all of Facet's expire), never refusing a write
        assertThat(service("redis").get("command").toString()).contains("--maxmemory").contains("volatile-lru");
    }

    @Test
    void prometheusScrapesFacetsMetricsWithTheAlertRules() {
        assertThat(volumes("prometheus")).contains("./prometheus:/etc/prometheus:ro");
        assertThat(service("prometheus").get("command").toString()).contains("/etc/prometheus/prometheus.yml");

        JsonNode config = yaml(DOCKER.resolve("prometheus").resolve("prometheus.yml"));
        JsonNode job = config.get("scrape_configs").get(0);
        assertThat(job.get("metrics_path").asText()).isEqualTo("/q/metrics");
        // the management port, where Facet serves its metrics
        assertThat(job.at("/static_configs/0/targets").toString()).contains("facet:9000");
        for (JsonNode rules : config.get("rule_files")) {
            assertThat(DOCKER.resolve("prometheus").resolve(rules.asText())).isRegularFile();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        SERVICES_NODE.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode service(String name) {
        JsonNode service = SERVICES_NODE.get(name);
        assertThat(service).as("compose service %s", name).isNotNull();
        return service;
    }

    private static Map<String, String> environment(String name) {
        return strings(service(name).get("environment"));
    }

    private static List<String> volumes(String name) {
        List<String> volumes = new ArrayList<>();
        service(name).path("volumes").forEach(volume -> volumes.add(volume.asText()));
        return volumes;
    }

    /** The host port compose publishes the container's {@code port} on. */
    private static String hostPort(String name, int port) {
        for (JsonNode mapping : service(name).path("ports")) {
            String[] parts = mapping.asText().split(":");
            if (parts.length == 2 && parts[1].equals(String.valueOf(port))) {
                return parts[0];
            }
        }
        throw new AssertionError(name + " does not publish " + port);
    }

    private static Path context(String name) {
        return COMPOSE.toAbsolutePath().getParent().resolve(service(name).at("/build/context").asText()).normalize();
    }

    private static Path dockerfile(String name) {
        Path file = context(name).resolve(service(name).at("/build/dockerfile").asText()).normalize();
        return Path.of("").toAbsolutePath().relativize(file);
    }

    private static String lastFrom(String dockerfile) {
        List<String> froms = dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList();
        return froms.get(froms.size() - 1).split("\\s+")[1];
    }

    private static String entrypoint(String dockerfile) {
        return dockerfile.lines().filter(line -> line.startsWith("ENTRYPOINT ")).reduce((a, b) -> b)
                .orElseThrow().substring("ENTRYPOINT ".length()).strip();
    }

    /** The sources of COPY instructions that read the build context (not another stage). */
    private static List<String> copiedFromContext(String dockerfile) {
        return dockerfile.lines().filter(line -> line.startsWith("COPY ") && !line.contains("--from="))
                .map(line -> line.replaceAll("--chown=\\S+\\s+", "").split("\\s+")[1]).toList();
    }

    private static List<String> demoResourcePaths() {
        List<String> paths = new ArrayList<>();
        Pattern path = Pattern.compile("@Path\\(\"(/demo/[a-z]+)\"\\)");
        try (var files = Files.list(Path.of("src", "main", "java", "dev", "facet", "demo"))) {
            for (Path file : files.toList()) {
                Matcher m = path.matcher(text(file));
                while (m.find()) {
                    paths.add(m.group(1));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return paths;
    }

    private static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(text(Path.of("pom.xml")));
        assertThat(m.find()).as("pom.xml property %s", name).isTrue();
        return m.group(1);
    }
}
