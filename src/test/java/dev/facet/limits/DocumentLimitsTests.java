package dev.facet.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.facet.errors.ErrorCode;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * Shape and cost as Facet measures them before validation, against the clients' checked-in schemas: the
 * registered operations stay far inside the default limits, and documents built to cost much are refused —
 * including the ones validation would also refuse, which must not crash or overflow the measure first.
 */
class DocumentLimitsTests {

    private static final QueryLimits DEFAULTS = new QueryLimits() {
        public int maxTokens() { return 5000; }
        public int maxDepth() { return 12; }
        public int maxAliases() { return 30; }
        public int maxRootFields() { return 10; }
        public int maxDirectives() { return 20; }
        public long maxCost() { return 5000; }
        public int maxDownstreamCalls() { return 50; }
        public int maxInputListSize() { return 100; }
        public int maxBodyTokens() { return 10_000; }
        public int maxInFlight() { return 96; }
        public int maxExecutingQueries() { return 40; }
        public io.quarkus.runtime.configuration.MemorySize maxInFlightBytes() {
            return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(4 << 20));
        }
    };

    private final DocumentLimits limits = new DocumentLimits(DEFAULTS);
    private final Limits defaults = limits.defaults();

    @Test
    void registeredOperationsStayFarInsideTheLimits() throws Exception {
        // e.g. CategoryPage: products 1 + 20 × (edges 1 + cursor 1 + node 9 + pageInfo 3)
        assertThat(cost("web", "ProductPage", Map.of())).isEqualTo(43);
        assertThat(cost("web", "CategoryPage", Map.of())).isEqualTo(281);
        assertThat(cost("web", "AccountPage", Map.of())).isEqualTo(104);
        assertThat(cost("web", "PlaceOrder", Map.of())).isEqualTo(6);
        assertThat(cost("mobile", "Home", Map.of())).isEqualTo(63);
        assertThat(cost("mobile", "ProductDetail", Map.of())).isEqualTo(8);
        assertThat(DocumentShape.of(parse(operation("web", "CategoryPage")), null).depth()).isEqualTo(5);
    }

    @Test
    void listSizesMultiplyWhatIsBelowThem() throws Exception {
        // products 1 + 100 × (edges 1 + node 1 + reviews (1 + 100 × (author 1 + name 1)))
        Document nested = parse("""
                { products(category: "c1", first: 100) { edges { node { reviews(first: 100) { author { name } } } } } }""");
        DocumentRefused refused = catchThrowableOfType(DocumentRefused.class,
                () -> limits.checkCost(schema("web"), nested, null, Map.of(), defaults));
        assertThat(refused.code()).isEqualTo(ErrorCode.QUERY_TOO_COSTLY);
        assertThat(refused.getMessage()).isEqualTo("The query would cost 20301; at most 5000");
    }

    @Test
    void variablesGiveTheListSize() throws Exception {
        Document document = parse("""
                query($n: Int) { products(category: "c1", first: $n) { edges { node { reviews(first: $n) { body } } } } }""");
        assertThat(limits.checkCost(schema("web"), document, null, Map.of("n", 5), defaults))
                .isEqualTo(1 + 5 * (3 + 5));
        assertThatThrownBy(() -> limits.checkCost(schema("web"), document, null, Map.of("n", 100), defaults))
                .isInstanceOf(DocumentRefused.class);
    }

    @Test
    void fragmentsSpreadInFragmentsCountEveryTimeWithoutOverflowing() throws Exception {
        StringBuilder bomb = new StringBuilder("{ product(id: \"p1\") { ...F0 } }\n");
        bomb.append("fragment F0 on Product { a: name b: name }\n");
        for (int level = 1; level < 70; level++) {
            bomb.append("fragment F%d on Product { ...F%d ...F%d }\n".formatted(level, level - 1, level - 1));
        }
        bomb.replace(0, bomb.indexOf("\n"), "{ product(id: \"p1\") { ...F69 } }");
        DocumentRefused refused = catchThrowableOfType(DocumentRefused.class,
                () -> limits.checkShape(parse(bomb.toString()), null, defaults));
        assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_ALIASES);
        assertThat(refused.getMessage()).isEqualTo("The query has more than 30 aliases; at most 30");
    }

    @Test
    void fragmentThatSpreadsItselfIsMeasuredOnce() throws Exception {
        Document cyclic = parse("{ product(id: \"p1\") { ...F } } fragment F on Product { name ...F }");
        limits.checkShape(cyclic, null, defaults);
        assertThat(limits.checkCost(schema("web"), cyclic, null, Map.of(), defaults)).isEqualTo(2);
    }

    @Test
    void introspectionIsLeftToGraphqlJava() throws Exception {
        // Deeper than any limit of Facet's own, as the standard introspection query's type references are.
        String ofTypes = "ofType { ".repeat(12) + "name" + " }".repeat(12);
        Document introspection = parse("{ __schema { types { fields { type { " + ofTypes + " } } } } }");
        limits.checkShape(introspection, null, defaults);
        assertThat(limits.checkCost(schema("web"), introspection, null, Map.of(), defaults)).isZero();
    }

    @Test
    void documentBeyondTheTokenLimitIsRefusedWhileParsing() {
        String huge = "{ " + "__typename ".repeat(6000) + "}";
        DocumentRefused refused = catchThrowableOfType(DocumentRefused.class, () -> limits.parse(huge, defaults));
        assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_TOKENS);
    }

    private long cost(String client, String name, Map<String, Object> variables) throws Exception {
        Document document = parse(operation(client, name));
        limits.checkShape(document, null, defaults);
        return limits.checkCost(schema(client), document, null, variables, defaults);
    }

    private Document parse(String query) throws DocumentRefused {
        return limits.parse(query, defaults);
    }

    private static String operation(String client, String name) throws IOException {
        return Files.readString(Path.of("clients", client, name + ".graphql"));
    }

    private static GraphQLSchema schema(String client) throws IOException {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(Path.of("schema", client + ".graphql"))));
    }
}
