package dev.facet.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.schema.Coercing;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * {@link QueryStrategy} reads and serialises a plain leaf (a scalar or enum behind a getter) in one step; whatever
 * that step cannot answer goes to graphql-java. Each query here is executed by both strategies over one schema: the
 * answers, errors and paths must be the same, and the data-loader batches beside the leaves must still be dispatched
 * level by level (a fetched field left uncounted would leave the batch waiting forever).
 */
class PlainLeavesTests {

    private static final String SDL = """
            type Query { items: [Item!]! item: Item }
            type Item { id: ID! name: String label: String! size: Size price: Price! code: Code broken: String
                        tags: [String!]! stock: Int }
            type Price { formatted: String! }
            enum Size { SMALL LARGE }
            scalar Code
            """;

    /** A source of the graph, as the resolvers' own classes are: public getters that only read. */
    public static final class Item {
        static final AtomicInteger NAME_READS = new AtomicInteger();
        private final String id;
        private final String name;
        private final String label;
        private final Size size;
        private final String code;

        Item(String id, String name, String label, Size size, String code) {
            this.id = id;
            this.name = name;
            this.label = label;
            this.size = size;
            this.code = code;
        }

        public String getId() {
            return id;
        }

        public String getName() {
            NAME_READS.incrementAndGet();
            return name;
        }

        public String getLabel() {
            return label;
        }

        public Size getSize() {
            return size;
        }

        public Price getPrice() {
            return new Price("€" + id.length());
        }

        public String getCode() {
            return code;
        }

        public String getBroken() {
            throw new IllegalStateException("broken getter of " + id);
        }

        public List<String> getTags() {
            return List.of(id, "tag");
        }
    }

    public record Price(String formatted) {
        public String getFormatted() {
            return formatted;
        }
    }

    public enum Size {
        SMALL, LARGE
    }

    /** A scalar that refuses codes starting with "x", as a scalar refuses a value it cannot show. */
    private static final GraphQLScalarType CODE = GraphQLScalarType.newScalar().name("Code")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value) {
                    if (value.toString().startsWith("x")) {
                        throw new CoercingSerializeException("not a code: " + value);
                    }
                    return value.toString().toUpperCase();
                }
            }).build();

    private static final List<Item> ITEMS = List.of(
            new Item("i1", "one", "L1", Size.SMALL, "ab"),
            new Item("i2", null, "L2", Size.LARGE, "x9"),
            new Item("i3", "three", "L3", null, null));

    @Test
    void plainLeavesAnswerAsGraphQLJavaDoes() {
        assertSameAnswers("{ items { id name label size code price { formatted } tags } }");
        Map<String, Object> data = run(new QueryStrategy(new SimpleDataFetcherExceptionHandler()),
                "{ items { id name size code } }").getData();
        assertThat(data.get("items")).isEqualTo(List.of(
                Map.of("id", "i1", "name", "one", "size", "SMALL", "code", "AB"),
                map("id", "i2", "name", null, "size", "LARGE", "code", null),
                map("id", "i3", "name", "three", "size", null, "code", null)));
    }

    @Test
    void aNullInANonNullLeafIsTheSameErrorAtTheSamePath() {
        Item nameless = new Item("i4", "four", null, Size.SMALL, "cd");
        ExecutionResult ours = run(new QueryStrategy(new SimpleDataFetcherExceptionHandler()),
                "{ item { id label } }", nameless);
        ExecutionResult theirs = run(new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()),
                "{ item { id label } }", nameless);
        assertThat(ours.toSpecification()).isEqualTo(theirs.toSpecification());
        assertThat(ours.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getPath()).isEqualTo(List.of("item", "label")));
        assertThat((Map<String, Object>) ours.getData()).containsEntry("item", null);
    }

    @Test
    void aThrowingGetterAndARefusedScalarAreTheSameErrorsAtTheSamePaths() {
        ExecutionResult ours = assertSameAnswers("{ items { id broken code } }");
        assertThat(ours.getErrors()).extracting(error -> error.getPath().toString())
                .contains("[items, 0, broken]", "[items, 1, broken]", "[items, 2, broken]", "[items, 1, code]");
    }

    @Test
    void aLeafIsReadOncePerObject() {
        Item.NAME_READS.set(0);
        run(new QueryStrategy(new SimpleDataFetcherExceptionHandler()), "{ items { name } }");
        assertThat(Item.NAME_READS.get()).isEqualTo(ITEMS.size());
    }

    @Test
    void batchesBesideLeavesAreDispatchedOncePerLevel() {
        AtomicInteger batches = new AtomicInteger();
        List<List<String>> keys = new ArrayList<>();
        DataLoaderRegistry registry = DataLoaderRegistry.newRegistry()
                .register("stock", DataLoaderFactory.newDataLoader((List<String> ids) -> {
                    batches.incrementAndGet();
                    keys.add(ids);
                    return CompletableFuture.completedFuture(ids.stream().map(String::length).toList());
                })).build();
        ExecutionResult result = run(new QueryStrategy(new SimpleDataFetcherExceptionHandler()),
                "{ items { id name size stock price { formatted } } }", null, registry);
        assertThat(result.getErrors()).isEmpty();
        assertThat(batches.get()).isEqualTo(1);
        assertThat(keys).containsExactly(List.of("i1", "i2", "i3"));
        assertThat((List<?>) ((Map<String, Object>) result.getData()).get("items")).hasSize(3)
                .allSatisfy(item -> assertThat((Map<String, Object>) item).containsEntry("stock", 2));
    }

    @Test
    void skippedAndAliasedLeavesAnswerAsGraphQLJavaDoes() {
        assertSameAnswers("""
                query($withName: Boolean!) { items { first: id second: id name @include(if: $withName)
                    ... on Item { label size } } }""", Map.of("withName", false));
        assertSameAnswers("{ __typename items { __typename id } }");
    }

    private static ExecutionResult assertSameAnswers(String query) {
        return assertSameAnswers(query, Map.of());
    }

    private static ExecutionResult assertSameAnswers(String query, Map<String, Object> variables) {
        ExecutionResult ours = run(new QueryStrategy(new SimpleDataFetcherExceptionHandler()), query, null,
                new DataLoaderRegistry(), variables);
        ExecutionResult theirs = run(new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()), query, null,
                new DataLoaderRegistry(), variables);
        assertThat(ours.toSpecification()).isEqualTo(theirs.toSpecification());
        return ours;
    }

    private static ExecutionResult run(ExecutionStrategy strategy, String query) {
        return run(strategy, query, null);
    }

    private static ExecutionResult run(ExecutionStrategy strategy, String query, Item item) {
        return run(strategy, query, item, new DataLoaderRegistry());
    }

    private static ExecutionResult run(ExecutionStrategy strategy, String query, Item item,
            DataLoaderRegistry registry) {
        return run(strategy, query, item, registry, Map.of());
    }

    private static ExecutionResult run(ExecutionStrategy strategy, String query, Item item,
            DataLoaderRegistry registry, Map<String, Object> variables) {
        GraphQL graphQL = GraphQL.newGraphQL(schema()).queryExecutionStrategy(strategy)
                .instrumentation(SimplePerformantInstrumentation.INSTANCE).build();
        ExecutionInput input = ExecutionInput.newExecutionInput(query).variables(variables)
                .root(item).dataLoaderRegistry(registry).build();
        try {
            return graphQL.executeAsync(input).get(5, TimeUnit.SECONDS);
        } catch (Exception notAnswered) {
            throw new AssertionError("not answered: " + query, notAnswered);
        }
    }

    private static GraphQLSchema schema() {
        DataFetcher<Object> stock = environment -> environment.getDataLoader("stock")
                .load(((Item) environment.getSource()).getId());
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(CODE)
                .type("Query", type -> type.dataFetcher("items", environment -> ITEMS)
                        .dataFetcher("item", environment -> environment.getRoot()))
                .type("Item", type -> {
                    for (String field : List.of("id", "name", "label", "size", "price", "code", "broken", "tags")) {
                        type.dataFetcher(field, PropertyRead.of(Item.class.getName(), getter(field), field));
                    }
                    return type.dataFetcher("stock", stock);
                })
                .type("Price", type -> type.dataFetcher("formatted",
                        PropertyRead.of(Price.class.getName(), "getFormatted", "formatted")))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    private static String getter(String field) {
        return "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
