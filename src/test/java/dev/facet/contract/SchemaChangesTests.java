package dev.facet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import graphql.schema.idl.errors.SchemaProblem;

/**
 * Pins how graphql-java's SchemaDiff, read through {@link SchemaChanges}, classifies the changes this gateway is likely
 * to make, so a snapshot check built on it fails for the right reasons. Where graphql-java's verdict differs from what
 * a client would actually notice, the test asserts graphql-java's verdict and says so.
 */
class SchemaChangesTests {

    // Shaped like SmallRye's printout: descriptions, custom scalars, and no schema { query: ... } block.
    static final String WEB = """
            "An amount of money in a currency"
            type Money {
              "In the currency's main unit, e.g. 12.34"
              amount: BigDecimal!
              currency: String!
            }

            "Mutation root"
            type Mutation {
              placeOrder(input: PlaceOrderInput!): Order
            }

            type Order {
              id: ID!
              "ISO-8601"
              placedAt: DateTime
              total: Money!
            }

            type Product {
              description: String
              id: ID!
              name: String!
              price: Money!
              reviews(
                "1 to 100"
                first: Int = 10
              ): [Review]
            }

            "Query root"
            type Query {
              "A product by id"
              product(id: ID!): Product
              products(category: ID!, first: Int = 20): [Product!]!
              me: User
            }

            type Review {
              body: String
              rating: Int!
            }

            type User {
              id: ID!
              tier: Tier
            }

            enum Tier {
              GOLD
              STANDARD
            }

            "Scalar for BigDecimal"
            scalar BigDecimal

            "Scalar for DateTime"
            scalar DateTime

            input PlaceOrderInput {
              productId: ID!
              quantity: Int!
            }
            """;

    // The phone only reads, so its schema has no Mutation type at all.
    static final String MOBILE = """
            type ProductCard {
              id: ID!
              "e.g. €12.34"
              priceLabel: String!
              title: String!
            }

            type Query {
              productCard(id: ID!): ProductCard
            }
            """;

    @Test
    void identicalSchemasHaveNoChanges() {
        SchemaChanges changes = SchemaChanges.between(WEB, WEB);

        assertThat(changes.breaking()).isEmpty();
        assertThat(changes.dangerous()).isEmpty();
        assertThat(changes.additions()).isEmpty();
        assertThat(changes.report()).isEqualTo("No changes between the snapshot and the served schema.\n");
    }

    @ParameterizedTest
    @ValueSource(strings = { "web", "mobile" })
    void theCheckedInSnapshotsAsSmallRyePrintsThemHaveNoChangesAgainstThemselves(String client) throws IOException {
        String snapshot = Files.readString(SchemaSnapshotTests.snapshot(client));

        SchemaChanges changes = SchemaChanges.between(snapshot, snapshot);

        assertThat(changes.report()).isEqualTo("No changes between the snapshot and the served schema.\n");
    }

    @Test
    void removingAFieldIsBreaking() {
        SchemaChanges changes = SchemaChanges.between(WEB, edit(WEB, "  name: String!\n", ""));

        assertThat(changes.breaking()).containsExactly(
                "Object 'Product', field 'name': The new API is missing the field 'Product.name' [MISSING]");
        assertThat(changes.additions()).isEmpty();
    }

    @Test
    void renamingATypeIsBreakingThroughEveryFieldThatReturnedIt() {
        String renamed = edit(edit(WEB, "type Review {", "type ProductReview {"), "[Review]", "[ProductReview]");

        SchemaChanges changes = SchemaChanges.between(WEB, renamed);

        // graphql-java never says "type Review was removed": it walks from the roots and follows each field to the
        // type it now returns, so the rename surfaces as the field's type changing.
        assertThat(changes.breaking()).containsExactly(
                "Object 'Product', field 'reviews': The new API has changed field 'Product.reviews' from type '[Review]'"
                        + " to '[ProductReview]' [INVALID]");
    }

    @Test
    void changingAFieldFromStringToIntIsBreaking() {
        SchemaChanges changes = SchemaChanges.between(WEB, edit(WEB, "name: String!", "name: Int!"));

        assertThat(changes.breaking()).containsExactly(
                "Object 'Product', field 'name': The new API has changed field 'Product.name' from type 'String!' to"
                        + " 'Int!' [INVALID]");
    }

    @Test
    void anOutputFieldBecomingNullableIsBreakingButBecomingNonNullIsNot() {
        SchemaChanges loosened = SchemaChanges.between(WEB, edit(WEB, "name: String!", "name: String"));
        SchemaChanges tightened = SchemaChanges.between(WEB, edit(WEB, "description: String", "description: String!"));

        assertThat(loosened.breaking()).containsExactly(
                "Object 'Product', field 'name': The new API has changed field 'Product.name' from type 'String!' to"
                        + " 'String' [STRICTER]");
        assertThat(tightened.report()).isEqualTo("No changes between the snapshot and the served schema.\n");
    }

    @Test
    void anArgumentBecomingNonNullIsBreakingButBecomingNullableIsNot() {
        SchemaChanges tightened = SchemaChanges.between(WEB, edit(WEB, "first: Int = 20", "first: Int! = 20"));
        SchemaChanges loosened = SchemaChanges.between(WEB, edit(WEB, "category: ID!", "category: ID"));

        assertThat(tightened.breaking()).containsExactly(
                "Object 'Query', field 'products': The new API has changed field 'Query.products' argument 'first' from"
                        + " type 'Int' to 'Int!' [STRICTER]");
        assertThat(loosened.report()).isEqualTo("No changes between the snapshot and the served schema.\n");
    }

    @Test
    void aNewRequiredArgumentIsBreaking() {
        SchemaChanges changes = SchemaChanges.between(WEB,
                edit(WEB, "first: Int = 10", "first: Int = 10, language: String!"));

        assertThat(changes.breaking()).containsExactly(
                "Object 'Product', field 'reviews': The new API has made the new argument 'language' on field"
                        + " 'Product.reviews' non null and hence more strict for old consumers [STRICTER]");
    }

    @Test
    void aNewNonNullArgumentWithADefaultIsReportedAsBreakingThoughClientsMayOmitIt() {
        SchemaChanges changes = SchemaChanges.between(WEB,
                edit(WEB, "first: Int = 10", "first: Int = 10, language: String! = \"en\""));

        // A false alarm from a client's point of view: the spec makes an argument with a default optional even when
        // its type is non-null, so old operations still validate. graphql-java looks at the type only.
        assertThat(changes.breaking()).containsExactly(
                "Object 'Product', field 'reviews': The new API has made the new argument 'language' on field"
                        + " 'Product.reviews' non null and hence more strict for old consumers [STRICTER]");
    }

    @Test
    void aNewOptionalArgumentIsNotReportedAtAll() {
        SchemaChanges changes = SchemaChanges.between(WEB,
                edit(WEB, "first: Int = 10", "first: Int = 10, language: String"));

        assertThat(changes.report()).isEqualTo("No changes between the snapshot and the served schema.\n");
    }

    @Test
    void aNewFieldIsAnAddition() {
        SchemaChanges changes = SchemaChanges.between(MOBILE,
                edit(MOBILE, "  title: String!\n", "  title: String!\n  thumbnailUrl: String\n"));

        assertThat(changes.breaking()).isEmpty();
        assertThat(changes.dangerous()).isEmpty();
        assertThat(changes.additions()).containsExactly(
                "Object 'ProductCard', field 'thumbnailUrl': The new API adds the field 'ProductCard.thumbnailUrl'"
                        + " [ADDITION]");
    }

    @Test
    void aNewTypeShowsUpOnlyAsTheNewFieldThatReturnsIt() {
        String withRating = edit(edit(WEB, "  price: Money!\n", "  price: Money!\n  rating: Rating\n"),
                "type Review {", "type Rating {\n  average: Float!\n}\n\ntype Review {");
        String withOrphan = WEB + "\ntype Banner {\n  text: String!\n}\n";

        SchemaChanges reachable = SchemaChanges.between(WEB, withRating);
        SchemaChanges orphan = SchemaChanges.between(WEB, withOrphan);

        assertThat(reachable.breaking()).isEmpty();
        assertThat(reachable.additions()).containsExactly(
                "Object 'Product', field 'rating': The new API adds the field 'Product.rating' [ADDITION]");
        // No root reaches Banner, and SchemaDiff only walks from the roots.
        assertThat(orphan.report()).isEqualTo("No changes between the snapshot and the served schema.\n");
    }

    @Test
    void addingDescriptionsChangesNothing() {
        String described = edit(edit(edit(WEB,
                "type Review {", "\"What a buyer wrote\"\ntype Review {"),
                "  body: String\n", "  \"Markdown\"\n  body: String\n"),
                "products(category: ID!", "products(\"A category id\" category: ID!");

        SchemaChanges changes = SchemaChanges.between(WEB, described);

        assertThat(changes.report()).isEqualTo("No changes between the snapshot and the served schema.\n");
    }

    @Test
    void aNewRequiredInputFieldIsBreaking() {
        SchemaChanges changes = SchemaChanges.between(WEB,
                edit(WEB, "  quantity: Int!\n", "  quantity: Int!\n  coupon: String!\n"));

        assertThat(changes.breaking()).containsExactly(
                "InputObject 'PlaceOrderInput', field 'coupon': The new API has made the new input field 'coupon' non"
                        + " null and hence more strict for old consumers [STRICTER]");
    }

    @Test
    void aNewEnumValueADeprecationAndAChangedDefaultAreDangerousNotBreaking() {
        String served = edit(edit(edit(WEB,
                "  GOLD\n", "  GOLD\n  PLATINUM\n"),
                "  body: String\n", "  body: String @deprecated(reason: \"Use text\")\n"),
                "first: Int = 20", "first: Int = 50");

        SchemaChanges changes = SchemaChanges.between(WEB, served);

        assertThat(changes.breaking()).isEmpty();
        // The unbalanced quote after 'Query is in graphql-java's message.
        assertThat(changes.dangerous()).containsExactlyInAnyOrder(
                "Enum 'Tier': The new API has added a new enum value 'PLATINUM' [ADDITION]",
                "Object 'Review', field 'body': The new API deprecated a field 'Review.body' [DEPRECATION_ADDED]",
                "Object 'Query', field 'products': The new API has changed default value on argument named 'first' on"
                        + " field 'Query.products' of type 'Query [DIFFERENT]");
    }

    @Test
    void removingTheMutationTypeIsBreaking() {
        String withoutMutation = edit(WEB, """
                "Mutation root"
                type Mutation {
                  placeOrder(input: PlaceOrderInput!): Order
                }
                """, "");

        SchemaChanges changes = SchemaChanges.between(WEB, withoutMutation);

        assertThat(changes.breaking()).containsExactly(
                "Operation 'Mutation': The new API no longer has the operation 'mutation' [MISSING]");
    }

    @Test
    void aSchemaWithoutMutationDiffsAndGainingOneIsNotReported() {
        SchemaChanges unchanged = SchemaChanges.between(MOBILE, MOBILE);
        SchemaChanges gainedMutation = SchemaChanges.between(MOBILE,
                MOBILE + "\ntype Mutation {\n  saveCard(id: ID!): ProductCard\n}\n");

        assertThat(unchanged.report()).isEqualTo("No changes between the snapshot and the served schema.\n");
        assertThat(gainedMutation.report()).isEqualTo("No changes between the snapshot and the served schema.\n");
    }

    @Test
    void customScalarFieldsChangingTypeAreBreaking() {
        SchemaChanges amount = SchemaChanges.between(WEB, edit(WEB, "amount: BigDecimal!", "amount: Float!"));
        SchemaChanges placedAt = SchemaChanges.between(WEB, edit(WEB, "placedAt: DateTime", "placedAt: String"));

        assertThat(amount.breaking()).containsExactly(
                "Object 'Money', field 'amount': The new API has changed field 'Money.amount' from type 'BigDecimal!' to"
                        + " 'Float!' [INVALID]");
        // SchemaDiff then follows the field from DateTime to String, finds no SDL definition of String (a built-in)
        // and reports a second, misleading line. BigDecimal escapes this only because SchemaDiff hard-codes it as a
        // built-in scalar.
        assertThat(placedAt.breaking()).containsExactly(
                "Object 'Order', field 'placedAt': The new API has changed field 'Order.placedAt' from type 'DateTime'"
                        + " to 'String' [INVALID]",
                "Scalar 'DateTime': The new API does not have a type called 'DateTime' [MISSING]");
    }

    @Test
    void theReportPutsBreakingChangesFirst() {
        String served = edit(edit(WEB, "  name: String!\n", "  title: String!\n"), "  GOLD\n", "  GOLD\n  PLATINUM\n");

        String report = SchemaChanges.between(WEB, served).report();

        assertThat(report).isEqualTo("""
                Breaking for clients (1):
                  - Object 'Product', field 'name': The new API is missing the field 'Product.name' [MISSING]
                Dangerous (clients may behave differently) (1):
                  - Enum 'Tier': The new API has added a new enum value 'PLATINUM' [ADDITION]
                Additions (safe for clients) (1):
                  - Object 'Product', field 'title': The new API adds the field 'Product.title' [ADDITION]
                """);
    }

    @Test
    void aSnapshotReferencingAnUndeclaredTypeFailsInsteadOfDiffing() {
        String broken = edit(WEB, "placedAt: DateTime", "placedAt: Timestamp");

        assertThatThrownBy(() -> SchemaChanges.between(broken, WEB))
                .isInstanceOf(SchemaProblem.class)
                .hasMessageContaining("'Timestamp' is not present");
    }

    /** Fails on a fixture edit that matches nothing or more than one place, which would make a test prove nothing. */
    private static String edit(String sdl, String from, String to) {
        assertThat(sdl.indexOf(from))
                .withFailMessage("expected exactly one '%s' in the fixture", from)
                .isNotNegative()
                .isEqualTo(sdl.lastIndexOf(from));
        return sdl.replace(from, to);
    }
}
