package dev.facet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/** How one graph becomes one schema per client, on a small graph written for the purpose. */
class SchemaProjectionTests {

    private static final String GRAPH = """
            directive @servedTo(value: [String!]!) on FIELD_DEFINITION
            type Query {
              product(id: ID!): Product @servedTo(value: ["web"])
              card(id: ID!): Card @servedTo(value: ["mobile"])
              category(id: ID!): Category @servedTo(value: ["web", "mobile"])
            }
            type Mutation {
              placeOrder(input: OrderInput!): Order @servedTo(value: ["web"])
            }
            input OrderInput { productId: ID! }
            type Order { id: ID! }
            type Product { id: ID! name: String! category: Category }
            type Category { id: ID! name: String! badge: String @servedTo(value: ["mobile"]) }
            type Card { id: ID! title: String! }
            """;

    @Test
    void eachClientKeepsOnlyItsRootFieldsAndTheTypesTheyReach() {
        GraphQLSchema web = project(GRAPH, "web");
        GraphQLSchema mobile = project(GRAPH, "mobile");

        assertThat(fieldNames(web.getQueryType().getFieldDefinitions())).containsExactlyInAnyOrder("product",
                "category");
        assertThat(typeNames(web)).contains("Product", "Category", "Order", "OrderInput").doesNotContain("Card");

        assertThat(fieldNames(mobile.getQueryType().getFieldDefinitions())).containsExactlyInAnyOrder("card",
                "category");
        assertThat(typeNames(mobile)).contains("Card", "Category")
                .doesNotContain("Product", "Order", "OrderInput", "Mutation");
    }

    @Test
    void rootTypeLeftWithoutFieldsIsRemoved() {
        assertThat(project(GRAPH, "mobile").getMutationType()).isNull();
        assertThat(project(GRAPH, "web").getMutationType()).isNotNull();
    }

    @Test
    void clientSpecificFieldOfASharedTypeIsOnlyInThatClientsSchema() {
        assertThat(fieldNames(project(GRAPH, "mobile").getObjectType("Category").getFieldDefinitions()))
                .contains("badge");
        assertThat(fieldNames(project(GRAPH, "web").getObjectType("Category").getFieldDefinitions()))
                .doesNotContain("badge");
    }

    @Test
    void theMarkerIsNeverShown() {
        for (String client : List.of("web", "mobile")) {
            GraphQLSchema schema = project(GRAPH, client);
            assertThat(schema.getDirective(SchemaProjection.DIRECTIVE)).isNull();
            assertThat(print(schema)).doesNotContain("servedTo");
        }
    }

    @Test
    void mobileOnlyChangeLeavesTheWebSchemaByteIdentical() {
        String changedForMobile = GRAPH
                .replace("type Card { id: ID! title: String! }",
                        "type Card { id: ID! title: String! subtitle: String }\ntype Deal { card: Card }")
                .replace("category(id: ID!): Category @servedTo(value: [\"web\", \"mobile\"])",
                        "category(id: ID!): Category @servedTo(value: [\"web\", \"mobile\"])\n"
                                + "  deals: [Deal] @servedTo(value: [\"mobile\"])");

        assertThat(print(project(changedForMobile, "web"))).isEqualTo(print(project(GRAPH, "web")));
        assertThat(print(project(changedForMobile, "mobile"))).isNotEqualTo(print(project(GRAPH, "mobile")))
                .contains("deals", "subtitle");
    }

    @Test
    void rootFieldServedToNobodyStopsTheStart() {
        String unmarked = GRAPH.replace("card(id: ID!): Card @servedTo(value: [\"mobile\"])", "card(id: ID!): Card");

        assertThatThrownBy(() -> project(unmarked, "web"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Query.card");
    }

    @Test
    void interfacesAreRefusedUntilTheirMembersCanBeProjected() {
        String withInterface = GRAPH.replace("type Card { id: ID! title: String! }",
                "interface Node { id: ID! }\ntype Card implements Node { id: ID! title: String! }");

        assertThatThrownBy(() -> project(withInterface, "mobile"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Node");
    }

    /** Every projection gets its own schema object, as the application does. */
    private static GraphQLSchema project(String sdl, String client) {
        return SchemaProjection.project(UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(sdl)), client);
    }

    private static String print(GraphQLSchema schema) {
        return new SchemaPrinter().print(schema);
    }

    private static List<String> fieldNames(List<GraphQLFieldDefinition> fields) {
        return fields.stream().map(GraphQLFieldDefinition::getName).toList();
    }

    private static List<String> typeNames(GraphQLSchema schema) {
        return schema.getAllTypesAsList().stream().map(GraphQLNamedType::getName).toList();
    }
}
