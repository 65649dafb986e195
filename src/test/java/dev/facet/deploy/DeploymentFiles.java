package dev.facet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The files under {@code docker/}, read as the tools that use them read them. */
final class DeploymentFiles {

    static final Path DOCKER = Path.of("docker");
    static final List<String> SERVICES = List.of("accounts", "catalog", "inventory", "reviews", "orders",
            "recommendations");
    private static final YAMLMapper YAML = new YAMLMapper();

    private DeploymentFiles() {
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML mapping of strings (environment, labels, a ConfigMap's data) as a map; empty when absent. */
    static Map<String, String> strings(JsonNode mapping) {
        Map<String, String> values = new LinkedHashMap<>();
        if (mapping != null && mapping.isObject()) {
            mapping.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        }
        return values;
    }

    /** The options of docker/jvm.options, one a line, comments left out: what {@code java @jvm.options} reads. */
    static List<String> jvmOptions() {
        return text(DOCKER.resolve("jvm.options")).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** The value of a {@code -Xmx64m}-like option in MiB, or of {@code -XX:Name=48m}. */
    static long jvmOptionMiB(String prefix) {
        String option = jvmOptions().stream().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("docker/jvm.options has no " + prefix));
        return mebibytes(option.substring(prefix.length()));
    }

    static Optional<String> systemProperty(String name) {
        return jvmOptions().stream().filter(line -> line.startsWith("-D" + name + "="))
                .map(line -> line.substring(("-D" + name + "=").length())).findFirst();
    }

    /** {@code 64m}, {@code 256Mi}, {@code 1g}, {@code 1Gi} in MiB. */
    static long mebibytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kKmMgG])i?").matcher(size.strip());
        assertThat(m.matches()).as("a size: %s", size).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> n / 1024;
            case 'm' -> n;
            default -> n * 1024;
        };
    }
}
