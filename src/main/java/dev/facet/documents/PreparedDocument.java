package dev.facet.documents;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.facet.limits.DocumentRefused;
import dev.facet.limits.DocumentShape;
import dev.facet.limits.QueryCost;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/**
 * Everything Facet learns about one document for one client that does not depend on the request's variables:
 * its parsed form (or why it was refused while parsing), the registered operation it is, each operation's shape
 * and — where no {@code first} is a variable — cost, and graphql-java's validation. Computed the first time a
 * request needs each part and then shared by every request that sends the same text (see {@link PreparedDocuments}).
 * The parts are computed lazily in the order the edge checks them, so a document refused for its shape is never
 * validated.
 */
public final class PreparedDocument {

    private static final String NO_NAME = "";
    private static final QueryCost.Estimate NOTHING = new QueryCost.Estimate(0, 0, false);

    private final String text;
    private final Document document;
    private final DocumentRefused refusal;
    private final RegisteredDocument registered;
    private final PreparsedDocumentEntry entry;
    private final GraphQLSchema schema;
    private final Map<String, Measured> operations = new ConcurrentHashMap<>();
    private final Map<String, QueryCost.Estimate> fixedEstimates = new ConcurrentHashMap<>();
    private volatile List<ValidationError> validation;

    private record Measured(OperationDefinition operation, DocumentShape shape) {
    }

    private PreparedDocument(String text, Document document, DocumentRefused refusal, RegisteredDocument registered,
            GraphQLSchema schema) {
        this.text = text;
        this.document = document;
        this.refusal = refusal;
        this.registered = registered;
        this.entry = document == null ? null : new PreparsedDocumentEntry(document);
        this.schema = schema;
    }

    static PreparedDocument parsed(String text, Document document, RegisteredDocument registered,
            GraphQLSchema schema) {
        return new PreparedDocument(text, document, null, registered, schema);
    }

    /** A document refused while parsing: only the refusal is kept, never the (possibly huge) text. */
    static PreparedDocument refused(DocumentRefused refusal) {
        return new PreparedDocument(null, null, refusal, null, null);
    }

    /** The text the client sent (or the registered text it stands for). */
    public String text() {
        return text;
    }

    /** The parsed document; throws what parsing refused it for. */
    public Document document() throws DocumentRefused {
        if (refusal != null) {
            throw refusal;
        }
        return document;
    }

    /** What graphql-java executes, parsed and validated once. */
    public PreparsedDocumentEntry entry() {
        return entry;
    }

    /** The registered operation this document is, whatever the client's mode; empty for any other document. */
    public Optional<RegisteredDocument> registered() {
        return Optional.ofNullable(registered);
    }

    /** The operation that runs: the one named, or the only one; null when the document does not say (validation will). */
    public OperationDefinition operation(String operationName) {
        Measured measured = measured(operationName);
        return measured == null ? null : measured.operation();
    }

    /** The shape of the operation that runs, or null when the document does not say which. */
    public DocumentShape shape(String operationName) {
        Measured measured = measured(operationName);
        return measured == null ? null : measured.shape();
    }

    /**
     * What the operation that runs with these variables costs, in fields and in calls to services; nothing when the
     * document does not say which operation runs. Remembered unless it depends on the variables.
     */
    public QueryCost.Estimate estimate(String operationName, Map<String, Object> variables) {
        Measured measured = measured(operationName);
        if (measured == null) {
            return NOTHING;
        }
        String name = measured.operation().getName() == null ? NO_NAME : measured.operation().getName();
        QueryCost.Estimate fixed = fixedEstimates.get(name);
        if (fixed != null) {
            return fixed;
        }
        QueryCost.Estimate estimate = QueryCost.estimate(schema, document, measured.operation(), variables);
        if (!estimate.readsVariables()) {
            fixedEstimates.put(name, estimate);
        }
        return estimate;
    }

    /** graphql-java's validation of the whole document against the client's schema; empty when it is valid. */
    public List<ValidationError> validationErrors() {
        List<ValidationError> errors = validation;
        if (errors == null) {
            // Two requests may validate at once; both get the same answer, and either may keep it.
            errors = List.copyOf(new Validator().validateDocument(schema, document, Locale.ENGLISH));
            validation = errors;
        }
        return errors;
    }

    /** About what this keeps on the heap: its text and the syntax tree parsed from it. */
    int weight() {
        // Measured on the registered operations (heap before and after keeping 3000 copies): text and syntax tree
        // take 13 to 15 bytes per character; the rest is the validation result and the measured operations.
        return text == null ? 256 : 512 + text.length() * 16;
    }

    private Measured measured(String operationName) {
        if (document == null) {
            return null;
        }
        String key = operationName == null ? NO_NAME : operationName;
        Measured known = operations.get(key);
        if (known != null) {
            return known;
        }
        OperationDefinition operation = DocumentShape.operation(document, operationName);
        if (operation == null) {
            return null;
        }
        Measured measured = new Measured(operation, DocumentShape.of(document, operationName));
        // an operation name nobody declared is not remembered: a client could otherwise grow this map at will
        operations.putIfAbsent(key, measured);
        return measured;
    }
}
