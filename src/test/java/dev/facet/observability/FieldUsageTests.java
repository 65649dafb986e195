package dev.facet.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/** The schema coordinates an operation selects: through fields, fragments and inline fragments, nothing else. */
class FieldUsageTests {

    private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(
            new SchemaParser().parse("""
                    type Query { product(id: ID!): Product  me: User }
                    type Mutation { placeOrder(id: ID!): Order }
                    interface Node { id: ID! }
                    type Product implements Node { id: ID! name: String reviews: [Review] price: Money }
                    type Review { body: String author: User }
                    type User implements Node { id: ID! name: String orders: [Order] }
                    type Order implements Node { id: ID! total: Money }
                    type Money { amount: Int currency: String }
                    """));

    @Test
    void fieldsFragmentsAndInlineFragmentsAreCountedOnceEach() {
        assertThat(coordinates("""
                query Page($id: ID!) {
                  product(id: $id) { __typename id ...Details reviews { body author { name } } }
                  me { ... on User { name } ... on Node { id } }
                }
                query Other { me { orders { id } } }
                fragment Details on Product { name price { amount } reviews { body } }
                """, "Page")).containsExactlyInAnyOrder("Query.product", "Product.id", "Product.name",
                "Product.price", "Money.amount", "Product.reviews", "Review.body", "Review.author", "User.name",
                "Query.me", "Node.id");
    }

    @Test
    void aMutationIsReadFromTheMutationType() {
        assertThat(coordinates("mutation { placeOrder(id: \"1\") { total { currency } } }", null))
                .containsExactlyInAnyOrder("Mutation.placeOrder", "Order.total", "Money.currency");
    }

    @Test
    void aFragmentThatSpreadsItselfEndsAndUnknownFieldsAreLeftOut() {
        assertThat(coordinates("""
                { me { ...Loop nope } }
                fragment Loop on User { name ...Loop }
                """, null)).containsExactlyInAnyOrder("Query.me", "User.name");
    }

    private static java.util.Set<String> coordinates(String text, String operationName) {
        Document document = Parser.parse(text);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(candidate -> operationName == null || operationName.equals(candidate.getName()))
                .findFirst().orElseThrow();
        return FieldUsage.coordinates(SCHEMA, document, operation);
    }
}
