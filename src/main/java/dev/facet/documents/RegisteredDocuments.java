package dev.facet.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.facet.contract.ClientContract;
import dev.facet.contract.ClientContracts;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import io.quarkus.runtime.Startup;

/**
 * Every client's registered operations — {@code clients/<client>/*.graphql}, which the build copies into the app
 * under {@code facet/clients/} — parsed and validated against that client's schema at start-up. An operation that
 * no longer validates stops Facet from starting: better than failing the screen that sends it. Found by id (the
 * file's sha256) or by text, compared as parsed and printed, so whitespace and a trailing newline do not matter, and
 * with any {@code __typename} selections a client library adds ({@link TypenameFreeText}).
 */
@Singleton
@Startup
public class RegisteredDocuments {

    static final String LOCATION = "facet/clients/";
    private static final Logger LOG = Logger.getLogger(RegisteredDocuments.class);

    private final Map<String, Map<String, PreparedDocument>> byId = new HashMap<>();
    /** Per client: the registered operations by their text printed without {@code __typename}s. */
    private final Map<String, Map<String, List<Candidate>>> byPrintedText = new HashMap<>();

    private record Candidate(TypenameFreeText text, RegisteredDocument registered) {
    }

    RegisteredDocuments(ClientContracts contracts) {
        Map<String, String> files = read();
        for (ClientContract contract : contracts.all().values()) {
            Map<String, PreparedDocument> ids = new HashMap<>();
            Map<String, List<Candidate>> texts = new HashMap<>();
            files.forEach((file, text) -> {
                if (!file.startsWith(contract.name() + "/")) {
                    return;
                }
                Document document = Parser.parse(text);
                RegisteredDocument registered = new RegisteredDocument(contract.name(), Sha256.of(text), file,
                        operationName(document));
                PreparedDocument prepared = PreparedDocument.parsed(text, document, registered, contract.schema());
                List<ValidationError> errors = prepared.validationErrors();
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("Registered operation clients/" + file
                            + " does not validate against the " + contract.name() + " schema: " + errors.get(0)
                                    .getMessage());
                }
                ids.put(registered.id(), prepared);
                TypenameFreeText comparable = TypenameFreeText.of(document);
                texts.computeIfAbsent(comparable.printed(), printed -> new ArrayList<>())
                        .add(new Candidate(comparable, registered));
            });
            byId.put(contract.name(), Map.copyOf(ids));
            byPrintedText.put(contract.name(), Map.copyOf(texts));
            LOG.infof("Client %s: %d registered operations", contract.name(), ids.size());
        }
    }

    /** The registered operation with this id (the sha256 of its file), prepared at start-up. */
    Optional<PreparedDocument> byId(String client, String id) {
        return Optional.ofNullable(byId.getOrDefault(client, Map.of()).get(id));
    }

    /** The registered operation of {@code client} whose operation is named {@code operationName}. */
    public Optional<PreparedDocument> named(String client, String operationName) {
        return byId.getOrDefault(client, Map.of()).values().stream()
                .filter(document -> document.registered().map(RegisteredDocument::operationName)
                        .filter(operationName::equals).isPresent())
                .findFirst();
    }

    /**
     * The registered operation {@code document} is: its text once parsed and printed, or that text plus
     * {@code __typename} selections — what Apollo Client, urql and Relay send ({@link TypenameFreeText}). Called
     * once per distinct text, when the document is prepared.
     */
    Optional<RegisteredDocument> byDocument(String client, Document document) {
        Map<String, List<Candidate>> texts = byPrintedText.getOrDefault(client, Map.of());
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        TypenameFreeText sent = TypenameFreeText.of(document);
        RegisteredDocument admitted = null;
        for (Candidate candidate : texts.getOrDefault(sent.printed(), List.of())) {
            if (candidate.text().sameAs(sent)) {
                return Optional.of(candidate.registered());
            }
            if (admitted == null && candidate.text().admits(sent)) {
                admitted = candidate.registered();
            }
        }
        return Optional.ofNullable(admitted);
    }

    private static String operationName(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .map(OperationDefinition::getName).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** {@code <client>/<Operation>.graphql} → text, from the app's own classes (a directory or a jar). */
    private static Map<String, String> read() {
        Map<String, String> files = new HashMap<>();
        try {
            Path classes = Path.of(RegisteredDocuments.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            if (Files.isDirectory(classes)) {
                Path root = classes.resolve(LOCATION);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> paths = Files.walk(root)) {
                        for (Path path : paths.filter(p -> p.toString().endsWith(".graphql")).toList()) {
                            files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(classes.toFile())) {
                    for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                        if (entry.getName().startsWith(LOCATION) && entry.getName().endsWith(".graphql")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.put(entry.getName().substring(LOCATION.length()),
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (URISyntaxException | RuntimeException unknownLocation) {
            LOG.warnf("Cannot find the registered operations (%s); none are registered", unknownLocation);
        }
        return files;
    }
}
