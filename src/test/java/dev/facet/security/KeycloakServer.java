package dev.facet.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;

/**
 * A real Keycloak — the Maven distribution the build unpacked into {@code target/} — started in dev mode with an
 * in-memory database, the given realm files imported, on two free ports (HTTP, management). It runs as compose runs
 * it: its issuer is pinned to the address users' apps fetch tokens from ({@link #browserUrl()}, {@code localhost}),
 * while Facet reaches it on another ({@link #backchannelUrl()}, {@code 127.0.0.1}), which Keycloak answers with
 * back-channel URLs (the JWKS) on the address that asked.
 *
 * <p>Stopped by its process id, children included — on {@link #stop()}, and from a shutdown hook should the test
 * JVM end without it. ({@code kc.sh} stays alive as the parent of Keycloak's JVM once Keycloak is built; killing only
 * the shell would leave that JVM serving.)
 */
final class KeycloakServer {

    /** Where {@code ./mvnw verify} unpacked the distribution (see the pom's maven-dependency-plugin). */
    static final String HOME_PROPERTY = "facet.keycloak.home";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread shutdownHook = new Thread(this::stop, "keycloak-stop");
    private Process process;

    private KeycloakServer(Path home) {
        this.home = home;
        this.httpPort = freePort();
        this.managementPort = freePort();
        this.log = home.resolve("keycloak.log");
    }

    /** The distribution the build unpacked; fails plainly when run outside {@code ./mvnw verify}. */
    static KeycloakServer fromBuild() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || !Files.isRegularFile(Path.of(home, "bin", "kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + HOME_PROPERTY + "=" + home
                    + ": run the integration tests with ./mvnw verify, which unpacks it into target/keycloak");
        }
        return new KeycloakServer(Path.of(home));
    }

    /** Starts Keycloak with exactly these realms ({@code file name -> realm JSON}) and waits until it is ready. */
    void start(Map<String, String> realms) {
        try {
            Path imports = home.resolve("data").resolve("import");
            if (Files.isDirectory(imports)) {
                try (var old = Files.list(imports)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(imports);
            for (Map.Entry<String, String> realm : realms.entrySet()) {
                Files.writeString(imports.resolve(realm.getKey()), realm.getValue());
            }
            // sh, not the file's exec bit (unpacking may drop it); dev mode, because prod mode wants TLS and a database
            ProcessBuilder builder = new ProcessBuilder("sh", "bin/kc.sh", "start-dev",
                    "--db=dev-mem", // a fresh database every start: the realm files are really imported
                    "--health-enabled=true",
                    "--http-host=127.0.0.1",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--hostname=" + browserUrl(),
                    "--hostname-backchannel-dynamic=true",
                    "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("KC_"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // C1 only: Keycloak starts about a third faster, and a test never runs it long enough to need C2
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            process = builder.start();
            awaitReady(realms.size());
        } catch (IOException | RuntimeException | TimeoutException e) {
            stop();
            throw new IllegalStateException("Keycloak did not start: " + e.getMessage() + "\n" + logTail(), e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Keycloak started", e);
        }
    }

    /** Where users' apps reach Keycloak, and so the issuer of its tokens. */
    String browserUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Where Facet reaches Keycloak: another address for the same server, as {@code keycloak:8080} is in compose. */
    String backchannelUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String issuer(String realm) {
        return browserUrl() + "/realms/" + realm;
    }

    /** An access token from the password grant, as a public client (shop-web, shop-mobile) gets one. */
    String token(String realm, String client, String user, String password) {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", client, "username", user,
                "password", password);
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + " as " + client + " in "
                        + realm + ": " + answer.statusCode() + " " + answer.body());
            }
            return JsonPath.from(answer.body()).getString("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Keycloak and every process it started, and waits until they are gone. Safe to call twice. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        // The children first: once the shell is gone, its JVM child would be a stranger's orphan.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy(); // SIGTERM: kc.sh passes it on to Keycloak's JVM, which shuts down cleanly
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : descendants) {
                child.destroy();
                try {
                    child.onExit().get(10, TimeUnit.SECONDS);
                } catch (TimeoutException | java.util.concurrent.ExecutionException stillThere) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        process = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    /** Keycloak and all its descendants, while it runs: for a test that checks nothing is left behind. */
    List<ProcessHandle> processes() {
        Process running = process;
        if (running == null) {
            return List.of();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(running.toHandle()), running.descendants())
                .toList();
    }

    private void awaitReady(int realmCount) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue());
            }
            if (status(ready) == 200) {
                return; // the HTTP port opens only after start-up, and the realms are imported during start-up
            }
            Thread.sleep(250);
        }
        throw new TimeoutException("not ready after " + START_TIMEOUT.toSeconds() + " s (" + realmCount + " realms)");
    }

    private int status(URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
