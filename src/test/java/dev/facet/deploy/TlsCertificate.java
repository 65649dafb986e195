package dev.facet.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A server certificate made for one test run — the JDK's keytool generates a key pair and a self-signed certificate
 * for {@code localhost} / {@code 127.0.0.1} — handed to Facet as an operator would: a PEM certificate and key, the
 * two files of a Kubernetes TLS secret ({@code tls.crt}, {@code tls.key}), in Quarkus's TLS registry. Plain HTTP
 * is switched off, on a port chosen here so a test can knock on it. Nothing is kept: the files are deleted when the
 * tests end.
 */
public class TlsCertificate implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the certificate Facet serves. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectServerCertificate {
    }

    /** The certificate Facet presents, and the port plain HTTP would have been on. */
    public record ServerCertificate(X509Certificate certificate, int plainHttpPort) {

        /** A trust store holding only this certificate: what a client that trusts Facet has. */
        public KeyStore trustStore() {
            try {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("facet", certificate);
                return trust;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Path directory;
    private ServerCertificate server;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("facet-tls-");
            Path keyStore = directory.resolve("facet.p12");
            char[] password = randomPassword();
            keytool("-genkeypair", "-alias", "facet", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", new String(password), "-keypass", new String(password));

            KeyStore generated = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                generated.load(in, password);
            }
            X509Certificate certificate = (X509Certificate) generated.getCertificate("facet");
            PrivateKey key = (PrivateKey) generated.getKey("facet", password);
            Path cert = directory.resolve("tls.crt");
            Path keyFile = directory.resolve("tls.key");
            Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded())); // PKCS#8, as openssl and cert-manager write it
            Files.delete(keyStore);

            server = new ServerCertificate(certificate, freePort());
            return Map.of(
                    "quarkus.tls.key-store.pem.0.cert", cert.toString(),
                    "quarkus.tls.key-store.pem.0.key", keyFile.toString(),
                    "quarkus.http.insecure-requests", "disabled",
                    "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.test-port", String.valueOf(server.plainHttpPort()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not make a test certificate", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectServerCertificate.class, ServerCertificate.class));
    }

    @Override
    public void stop() {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            keytool.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static char[] randomPassword() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random).toCharArray();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
