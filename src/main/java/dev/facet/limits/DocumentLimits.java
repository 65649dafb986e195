package dev.facet.limits;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facet.errors.ErrorCode;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Parses a document within a client's {@link Limits} and refuses one that asks for more than they allow. The
 * defaults are {@link QueryLimits}; a client may override each ({@code facet.clients.<client>.limits.…}).
 */
@ApplicationScoped
public class DocumentLimits {

    /** No input type of the shop nests this deep; deeper variables are refused before they are walked further. */
    static final int MAX_INPUT_DEPTH = 20;

    private final Limits defaults;

    DocumentLimits(QueryLimits defaults) {
        this.defaults = Limits.of(defaults);
    }

    /** The limits of {@code facet.limits.…}, for clients that override none. */
    public Limits defaults() {
        return defaults;
    }

    /** The parsed document; refused as {@code TOO_MANY_TOKENS} or {@code GRAPHQL_PARSE_FAILED}. */
    public Document parse(String query, Limits limits) throws DocumentRefused {
        // graphql-java parses operations again with its own default options; this parse comes first.
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(builder -> builder
                .maxTokens(limits.maxTokens())
                .redactTokenParserErrorMessages(true));
        try {
            return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(options).build());
        } catch (ParseCancelledException tooBig) {
            throw new DocumentRefused(ErrorCode.TOO_MANY_TOKENS, "The document is larger than the " + limits.maxTokens()
                    + " tokens Facet accepts, or nested too deeply to parse", null);
        } catch (InvalidSyntaxException syntax) {
            throw new DocumentRefused(ErrorCode.GRAPHQL_PARSE_FAILED, "Syntax error in the GraphQL document",
                    syntax.getLocation());
        }
    }

    /** Refuses an operation deeper, or with more aliases, root fields or directives, than the limits allow. */
    public void checkShape(Document document, String operationName, Limits limits) throws DocumentRefused {
        checkShape(DocumentShape.of(document, operationName), limits);
    }

    /** Refuses a measured operation ({@code null}: none to measure) that is over the limits. */
    public void checkShape(DocumentShape shape, Limits limits) throws DocumentRefused {
        if (shape == null) {
            return;
        }
        over(shape.depth(), limits.maxDepth(), ErrorCode.QUERY_TOO_DEEP, "The query nests fields %s deep; at most %d");
        over(shape.aliases(), limits.maxAliases(), ErrorCode.TOO_MANY_ALIASES, "The query has %s aliases; at most %d");
        over(shape.rootFields(), limits.maxRootFields(), ErrorCode.TOO_MANY_ROOT_FIELDS,
                "The operation asks for %s root fields; at most %d");
        over(shape.directives(), limits.maxDirectives(), ErrorCode.TOO_MANY_DIRECTIVES,
                "The query uses %s directives; at most %d");
    }

    /** The operation's cost in {@code schema}; refused as {@code QUERY_TOO_COSTLY} beyond the limit. */
    public long checkCost(GraphQLSchema schema, Document document, String operationName,
            Map<String, Object> variables, Limits limits) throws DocumentRefused {
        OperationDefinition operation = DocumentShape.operation(document, operationName);
        if (operation == null) {
            return 0;
        }
        long cost = QueryCost.of(schema, document, operation, variables);
        checkCost(cost, limits);
        return cost;
    }

    /** Refuses an operation whose estimated cost is over the limit. */
    public void checkCost(long cost, Limits limits) throws DocumentRefused {
        over(cost, limits.maxCost(), ErrorCode.QUERY_TOO_COSTLY, "The query would cost %s; at most %d");
    }

    /** Refuses an operation whose estimated cost, in fields or in calls to services, is over its limit. */
    public void checkCost(QueryCost.Estimate estimate, Limits limits) throws DocumentRefused {
        checkCost(estimate.cost(), limits);
        over(estimate.calls(), limits.maxDownstreamCalls(), ErrorCode.QUERY_TOO_COSTLY,
                "The query would make %s calls to services; at most %d");
    }

    /**
     * Refuses variables holding a list longer than the limits allow, at any depth, as {@code BAD_USER_INPUT}. A walk
     * over what the JSON parser already built: linear in the request's size.
     */
    public void checkVariables(Map<String, Object> variables, Limits limits) throws DocumentRefused {
        for (Object value : variables.values()) {
            checkInput(value, limits.maxInputListSize(), 0);
        }
    }

    private static void checkInput(Object value, int maxListSize, int depth) throws DocumentRefused {
        if (depth > MAX_INPUT_DEPTH) {
            throw new DocumentRefused(ErrorCode.BAD_USER_INPUT,
                    "The variables nest more than " + MAX_INPUT_DEPTH + " levels deep", null);
        }
        Iterable<?> items;
        if (value instanceof JsonArray array) {
            items = array.getList();
        } else if (value instanceof List<?> list) {
            items = list;
        } else if (value instanceof JsonObject object) {
            items = object.getMap().values();
        } else if (value instanceof Map<?, ?> map) {
            items = map.values();
        } else {
            return;
        }
        if (items instanceof List<?> list && list.size() > maxListSize) {
            throw new DocumentRefused(ErrorCode.BAD_USER_INPUT, "A list in the variables has " + list.size()
                    + " items; at most " + maxListSize, null);
        }
        for (Object item : items) {
            checkInput(item, maxListSize, depth + 1);
        }
    }

    private static void over(long value, long limit, ErrorCode code, String message) throws DocumentRefused {
        if (value > limit) {
            // Counts saturate rather than overflow: a saturated one is only known to be very large.
            String shown = value == Long.MAX_VALUE ? "more than " + limit : String.valueOf(value);
            throw new DocumentRefused(code, message.formatted(shown, limit), null);
        }
    }
}
