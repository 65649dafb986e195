package dev.facet.deploy;

import static dev.facet.deploy.DeploymentFiles.DOCKER;
import static dev.facet.deploy.DeploymentFiles.SERVICES;
import static dev.facet.deploy.DeploymentFiles.jvmOptionMiB;
import static dev.facet.deploy.DeploymentFiles.mebibytes;
import static dev.facet.deploy.DeploymentFiles.strings;
import static dev.facet.deploy.DeploymentFiles.systemProperty;
import static dev.facet.deploy.DeploymentFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code docker/k8s}, read as {@code kubectl apply -k} would: the probes follow Facet's health (ready only when
 * warmed up, never restarted for warming up), the resources fit the JVM options, the pod runs as non-root on a
 * read-only root file system, and the Service, autoscaler and disruption budget find the Deployment's pods.
 */
class KubernetesManifestsTests {

    private static final Path K8S = DOCKER.resolve("k8s");
    private static final Map<String, JsonNode> BY_KIND = manifests();
    private static final JsonNode DEPLOYMENT = BY_KIND.get("Deployment");
    private static final JsonNode POD = DEPLOYMENT.at("/spec/template");
    private static final JsonNode CONTAINER = POD.at("/spec/containers/0");

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        List<String> listed = new ArrayList<>();
        yaml(K8S.resolve("kustomization.yaml")).path("resources").forEach(r -> listed.add(r.asText()));
        try (var files = Files.list(K8S)) {
            List<String> present = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        }
        assertThat(BY_KIND).containsKeys("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "ConfigMap");
    }

    @Test
    void readinessWaitsForTheWarmUpAndLivenessNeverRestartsAWarmingPod() {
        JsonNode readiness = CONTAINER.get("readinessProbe");
        assertThat(readiness.at("/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(readiness.at("/httpGet/port").asText()).isIn("management", "9000");
        // taken in as soon as warmed up: probed every few seconds
        assertThat(readiness.path("periodSeconds").asInt()).isBetween(1, 5);

        JsonNode liveness = CONTAINER.get("livenessProbe");
        assertThat(liveness.at("/httpGet/path").asText()).isEqualTo("/q/health/live");
        // not refused while callers hold every connection place of the main port
        assertThat(liveness.at("/httpGet/port").asText()).isIn("management", "9000");
        // before a restart: the first probe's delay plus all the misses allowed — at least the ~30 s a warm-up may
        // keep both CPUs busy
        int patience = liveness.path("initialDelaySeconds").asInt()
                + liveness.path("periodSeconds").asInt(10) * liveness.path("failureThreshold").asInt(3);
        assertThat(patience).isGreaterThanOrEqualTo(30);
        assertThat(liveness.path("timeoutSeconds").asInt(1)).isGreaterThan(1);
        // rollouts wait for warm pods
        assertThat(DEPLOYMENT.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
    }

    @Test
    void resourcesFitTheJvmOptionsTheImageRunsWith() {
        // the image's entrypoint (java @/deployments/jvm.options) runs unchanged
        assertThat(CONTAINER.has("command")).isFalse();
        assertThat(CONTAINER.has("args")).isFalse();
        assertThat(CONTAINER.path("env").toString()).doesNotContain("JAVA_OPTS").doesNotContain("JAVA_TOOL_OPTIONS");

        JsonNode limits = CONTAINER.at("/resources/limits");
        JsonNode requests = CONTAINER.at("/resources/requests");
        // one event loop per CPU of the limit
        assertThat(systemProperty("quarkus.vertx.event-loops-pool-size")).contains(limits.path("cpu").asText());
        assertThat(limits.path("cpu").asText()).isEqualTo("2");

        long memory = mebibytes(limits.path("memory").asText());
        long heapAndCode = jvmOptionMiB("-Xmx") + jvmOptionMiB("-XX:ReservedCodeCacheSize=");
        // room beyond heap and code cache for metaspace, class data, thread stacks and buffers (~90 MB measured)
        assertThat(memory).isBetween(heapAndCode + 128, 320L);
        // a fixed heap never gives memory back: request what the limit allows
        assertThat(requests.path("memory").asText()).isEqualTo(limits.path("memory").asText());
        assertThat(requests.has("cpu")).isTrue();
    }

    @Test
    void podRunsAsNonRootOnAReadOnlyRootFileSystem() {
        assertThat(POD.at("/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(POD.at("/spec/securityContext/runAsUser").asInt()).isEqualTo(185); // the image's USER
        JsonNode container = CONTAINER.get("securityContext");
        assertThat(container.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/capabilities/drop").toString()).contains("ALL");

        // Vert.x's file cache must be writable: /tmp is an emptyDir
        JsonNode mount = find(CONTAINER.get("volumeMounts"), "mountPath", "/tmp");
        JsonNode volume = find(POD.at("/spec/volumes"), "name", mount.path("name").asText());
        assertThat(volume.has("emptyDir")).isTrue();
    }

    @Test
    void prometheusScrapesTheContainersMetricsPort() {
        Map<String, String> annotations = strings(POD.at("/metadata/annotations"));
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics");
        assertThat(annotations).containsEntry("prometheus.io/port", "9000");
        assertThat(CONTAINER.get("ports").toString()).contains("\"containerPort\":" + annotations.get("prometheus.io/port"));
    }

    @Test
    void theServiceExposesOnlyTheGraphQLPort() {
        // health names the internal services, metrics every operation: neither is for what the Service reaches
        JsonNode ports = BY_KIND.get("Service").at("/spec/ports");
        assertThat(ports).hasSize(1);
        assertThat(ports.get(0).path("targetPort").asText()).isIn("http", "8080");
    }

    @Test
    void configMapCarriesTheServicesTheIdentityProviderAndTheSharedStore() {
        JsonNode configMap = BY_KIND.get("ConfigMap");
        assertThat(CONTAINER.at("/envFrom/0/configMapRef/name").asText())
                .isEqualTo(configMap.at("/metadata/name").asText());
        Map<String, String> data = strings(configMap.get("data"));
        for (String service : SERVICES) {
            assertThat(data.get("QUARKUS_REST_CLIENT_" + service.toUpperCase() + "_URL")).as(service).startsWith("http");
        }
        assertThat(data.get("QUARKUS_OIDC_AUTH_SERVER_URL")).endsWith("/realms/shop");
        assertThat(data).containsKey("FACET_IDENTITY_USER_ID_CLAIM");
        assertThat(data.get("QUARKUS_REDIS_HOSTS")).startsWith("redis://");
    }

    @Test
    void behindTheIngressOnlyTrustedProxiesNameTheCaller() {
        Map<String, String> data = strings(BY_KIND.get("ConfigMap").get("data"));
        assertThat(data.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING")).isEqualTo("true");
        // with forwarding on and no trusted proxies Quarkus believes every caller's X-Forwarded-For
        assertThat(data.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")).as("trusted proxies").isNotBlank();
    }

    @Test
    void everyReplicaHashesRedisKeysWithTheSameSecretFromASecret() {
        JsonNode secret = find(CONTAINER.get("env"), "name", "FACET_REDIS_KEY_SECRET").at("/valueFrom/secretKeyRef");
        assertThat(secret.path("name").asText()).isNotBlank();
        assertThat(secret.path("key").asText()).isNotBlank();
        assertThat(strings(BY_KIND.get("ConfigMap").get("data"))).doesNotContainKey("FACET_REDIS_KEY_SECRET");
    }

    @Test
    void serviceAutoscalerAndDisruptionBudgetFindTheDeploymentsPods() {
        Map<String, String> podLabels = strings(POD.at("/metadata/labels"));
        Map<String, String> selector = strings(DEPLOYMENT.at("/spec/selector/matchLabels"));
        assertThat(podLabels).containsAllEntriesOf(selector);

        JsonNode service = BY_KIND.get("Service");
        assertThat(podLabels).containsAllEntriesOf(strings(service.at("/spec/selector")));
        assertThat(CONTAINER.get("ports").findValuesAsText("name"))
                .contains(service.at("/spec/ports/0/targetPort").asText());

        JsonNode pdb = BY_KIND.get("PodDisruptionBudget");
        assertThat(strings(pdb.at("/spec/selector/matchLabels"))).isEqualTo(selector);
        assertThat(podLabels).containsAllEntriesOf(strings(pdb.at("/spec/selector/matchLabels")));

        JsonNode hpa = BY_KIND.get("HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(DEPLOYMENT.at("/metadata/name").asText());
        JsonNode cpu = find(hpa.at("/spec/metrics"), "type", "Resource").get("resource");
        assertThat(cpu.path("name").asText()).isEqualTo("cpu");
        assertThat(cpu.at("/target/type").asText()).isEqualTo("Utilization");
        assertThat(cpu.at("/target/averageUtilization").asInt()).isBetween(50, 90);
        // a drain may always take one pod: more replicas than the budget keeps
        assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThan(pdb.at("/spec/minAvailable").asInt())
                .isLessThanOrEqualTo(hpa.at("/spec/maxReplicas").asInt());
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + "=" + value + " in " + list);
    }

    private static Map<String, JsonNode> manifests() {
        Map<String, JsonNode> byKind = new HashMap<>();
        yaml(K8S.resolve("kustomization.yaml")).path("resources").forEach(resource -> {
            JsonNode manifest = yaml(K8S.resolve(resource.asText()));
            byKind.put(manifest.path("kind").asText(), manifest);
        });
        return byKind;
    }
}
