package dev.facet.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.facet.contract.ClientContract;
import dev.facet.contract.ClientContracts;
import dev.facet.documents.ClientFolders.ClientFile;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import io.quarkus.runtime.Startup;

/**
 * Every client's registered operations — {@code clients/<client>/*.graphql}, and the operations of its Apollo
 * persisted-query manifest if it has one ({@link ClientFolders}) — parsed and validated against that client's schema
 * at start-up. An operation that no longer validates stops Facet from starting: better than failing the screen that
 * sends it. Found by id (a file's sha256, a manifest operation's own id) or by text, compared as parsed and printed,
 * so whitespace and a trailing newline do not matter, and with any {@code __typename} selections a client library
 * adds ({@link TypenameFreeText}).
 */
@Singleton
@Startup
public class RegisteredDocuments {

    private static final Logger LOG = Logger.getLogger(RegisteredDocuments.class);

    /** Per client, by id; in the order registered ({@code .graphql} files first), which {@link #named} keeps. */
    private final Map<String, Map<String, PreparedDocument>> byId = new HashMap<>();
    /** Per client: the registered operations by their text printed without {@code __typename}s. */
    private final Map<String, Map<String, List<Candidate>>> byPrintedText = new HashMap<>();

    private record Candidate(TypenameFreeText text, RegisteredDocument registered) {
    }

    /**
     * One operation to register: its id, its text, its file under {@code clients/}, where it came from (for
     * messages), and — for a manifest's operation — the name and type the manifest gives it.
     */
    private record Registration(String id, String text, String file, String origin, String declaredName,
            String declaredType) {
    }

    @Inject
    RegisteredDocuments(ClientContracts contracts) {
        this(contracts, ClientFolders.read(contracts.all().keySet()));
    }

    RegisteredDocuments(ClientContracts contracts, List<ClientFile> files) {
        for (ClientContract contract : contracts.all().values()) {
            Map<String, PreparedDocument> ids = new LinkedHashMap<>();
            Map<String, List<Candidate>> texts = new HashMap<>();
            for (Registration registration : registrations(contract.name(), files)) {
                PreparedDocument prepared = prepare(contract, registration);
                RegisteredDocument registered = prepared.registered().orElseThrow();
                PreparedDocument same = ids.get(registered.id());
                if (same != null && !same.text().equals(registration.text())) {
                    throw new IllegalStateException("Registered operations " + registration.origin() + " and "
                            + "clients/" + same.registered().orElseThrow().file() + " have the same id "
                            + registered.id());
                }
                ids.putIfAbsent(registered.id(), prepared);
                TypenameFreeText comparable = TypenameFreeText.of(prepared.entry().getDocument());
                texts.computeIfAbsent(comparable.printed(), printed -> new ArrayList<>())
                        .add(new Candidate(comparable, registered));
            }
            byId.put(contract.name(), Collections.unmodifiableMap(ids));
            byPrintedText.put(contract.name(), Map.copyOf(texts));
            LOG.infof("Client %s: %d registered operations", contract.name(), ids.size());
        }
    }

    /** The registered operation with this id (a file's sha256, or a manifest's id), prepared at start-up. */
    Optional<PreparedDocument> byId(String client, String id) {
        return Optional.ofNullable(byId.getOrDefault(client, Map.of()).get(id));
    }

    /**
     * The registered operation of {@code client} whose operation is named {@code operationName}: its
     * {@code .graphql} file when a manifest has one of the same name.
     */
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

    /** What {@code client}'s files register: each operation file as it is, each manifest operation by its id. */
    private static List<Registration> registrations(String client, List<ClientFile> files) {
        List<Registration> registrations = new ArrayList<>();
        for (ClientFile file : files) {
            if (!file.client().equals(client)) {
                continue;
            }
            if (!file.isManifest()) {
                registrations.add(new Registration(Sha256.of(file.text()), file.text(), file.path(),
                        "clients/" + file.path(), null, null));
                continue;
            }
            for (ApolloManifest.Operation operation : ApolloManifest.parse(file.path(), file.text()).operations()) {
                // DocumentSource looks ids up in lower case, as it does the sha256 hashes clients send
                registrations.add(new Registration(operation.id().toLowerCase(Locale.ROOT), operation.body(),
                        file.path(), "clients/" + file.path() + " (" + operation.name() + ", id " + operation.id() + ")",
                        operation.name(), operation.type()));
            }
        }
        return registrations;
    }

    private static PreparedDocument prepare(ClientContract contract, Registration registration) {
        Document document;
        try {
            document = Parser.parse(registration.text());
        } catch (InvalidSyntaxException syntax) {
            throw new IllegalStateException("Registered operation " + registration.origin() + " does not parse: "
                    + syntax.getMessage());
        }
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .findFirst().orElse(null);
        String name = operation == null ? null : operation.getName();
        if (registration.declaredName() != null && !registration.declaredName().equals(name)) {
            throw new IllegalStateException("Registered operation " + registration.origin() + " is named "
                    + registration.declaredName() + " but its body is operation " + name);
        }
        if (registration.declaredType() != null && operation != null && !registration.declaredType()
                .equalsIgnoreCase(operation.getOperation().name())) {
            throw new IllegalStateException("Registered operation " + registration.origin() + " is a "
                    + registration.declaredType() + " but its body is a "
                    + operation.getOperation().name().toLowerCase(Locale.ROOT));
        }
        RegisteredDocument registered = new RegisteredDocument(contract.name(), registration.id(), registration.file(),
                operationName(document));
        PreparedDocument prepared = PreparedDocument.parsed(registration.text(), document, registered,
                contract.schema());
        List<ValidationError> errors = prepared.validationErrors();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Registered operation " + registration.origin()
                    + " does not validate against the " + contract.name() + " schema: " + errors.get(0).getMessage());
        }
        return prepared;
    }

    private static String operationName(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .map(OperationDefinition::getName).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
