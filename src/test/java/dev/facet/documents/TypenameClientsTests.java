package dev.facet.documents;

import static dev.facet.testing.Shop.operation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facet.contract.ClientContract;
import dev.facet.contract.ClientContracts;
import dev.facet.limits.DocumentRefused;
import dev.facet.testing.ClientPolicyProfile;
import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * Apollo Client, urql and Relay add {@code __typename} to the selection sets of every operation they send, so what
 * reaches Facet is the registered text plus {@code __typename} selections. A registered-only client (mobile here; web
 * through a registered-only copy of its contract) must be able to send its registered operations that way — and
 * nothing else: no other field, alias, directive, argument or fragment hides behind the leniency.
 */
@QuarkusTest
@TestProfile(ClientPolicyProfile.class)
@WithTestResource(ShopServices.class)
class TypenameClientsTests extends ShopTest {

    /** {@code clients/mobile/ProductDetail.graphql} as Apollo Client sends it: printed, with {@code __typename}. */
    private static final String APOLLO_PRODUCT_DETAIL = """
            query ProductDetail($id: ID!) {
              productCard(id: $id) {
                id
                title
                priceLabel
                thumbnailUrl
                inStock
                ratingAverage
                reviewCount
                __typename
              }
            }""";

    @Inject
    DocumentSource documents;

    @Inject
    ClientContracts contracts;

    @Test
    void registeredOnlyClientRunsItsOperationAsApolloClientSendsIt() {
        post(APOLLO_PRODUCT_DETAIL, new JsonObject().put("id", "p6"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.productCard.title", equalTo("Product 6"))
                .body("data.productCard.__typename", equalTo("ProductCard"));
    }

    @Test
    void everyRegisteredOperationIsRecognisedWithTypenamesAddedByApolloClient() throws Throwable {
        for (Path file : registeredFiles()) {
            String client = file.getParent().getFileName().toString();
            String sent = apolloClient(Files.readString(file));
            assertThat(sent).as(file.toString()).contains("__typename");
            PreparedDocument document = find(registeredOnly(client), sent);
            assertThat(document.registered()).as(file.toString()).get()
                    .extracting(RegisteredDocument::id).isEqualTo(Sha256.of(Files.readString(file)));
        }
    }

    @Test
    void websProductPageAsApolloClientSendsItPassesARegisteredOnlyWeb() throws Throwable {
        String sent = apolloClient(operation("web", "ProductPage"));
        assertThat(find(registeredOnly("web"), sent).registered()).get()
                .extracting(RegisteredDocument::operationName).isEqualTo("ProductPage");
        assertThatThrownBy(() -> find(registeredOnly("web"),
                sent.replace("formatted\n", "formatted\n amount\n")))
                .isInstanceOfSatisfying(DocumentRefused.class,
                        refused -> assertThat(refused.code().name()).isEqualTo("DOCUMENT_NOT_REGISTERED"));
    }

    @Test
    void nothingButPlainTypenamesMayBeAdded() {
        String home = apolloClient(operation("mobile", "Home"));
        for (String hostile : List.of(
                // another field, a field twice, another root field
                home.replace("inStock\n", "inStock\n reviewCount\n"),
                APOLLO_PRODUCT_DETAIL.replace("title\n", "title\n title\n"),
                APOLLO_PRODUCT_DETAIL.replace("  }\n}", "  }\n  other: productCard(id: \"p7\") { title }\n}"),
                // an alias, on a field or on __typename itself
                APOLLO_PRODUCT_DETAIL.replace("title\n", "name: title\n"),
                APOLLO_PRODUCT_DETAIL.replace("__typename", "kind: __typename"),
                // a directive, on a field or on __typename
                APOLLO_PRODUCT_DETAIL.replace("title\n", "title @include(if: true)\n"),
                APOLLO_PRODUCT_DETAIL.replace("__typename", "__typename @skip(if: false)"),
                // another argument value, an inline fragment around __typename
                home.replace("recentOrders(first: 3)", "recentOrders(first: 100)"),
                APOLLO_PRODUCT_DETAIL.replace("__typename", "... on ProductCard { __typename }"))) {
            post(hostile, new JsonObject().put("id", "p6"))
                    .statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("DOCUMENT_NOT_REGISTERED"));
        }
        assertThat(Shop.urls(shop)).as("calls to the shop's services").isEmpty();
    }

    /** A copy of {@code client}'s contract that accepts only its registered operations. */
    private ClientContract registeredOnly(String client) {
        ClientContract contract = contracts.forClient(client).orElseThrow();
        return new ClientContract(contract.name(), contract.schema(), contract.sdl(), contract.introspection(), true,
                contract.limits(), contract.engine());
    }

    private static List<Path> registeredFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String client : List.of("web", "mobile")) {
            try (Stream<Path> paths = Files.list(Path.of("clients", client))) {
                paths.filter(path -> path.toString().endsWith(".graphql")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /**
     * What Apollo Client's {@code addTypenameToDocument} makes of an operation: {@code __typename} appended to every
     * selection set but the operation's own that lacks it, then printed.
     */
    static String apolloClient(String operation) {
        Document document = Parser.parse(operation);
        List<Definition> definitions = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition op) {
                definitions.add(op.transform(b -> b.selectionSet(children(op.getSelectionSet()))));
            } else if (definition instanceof FragmentDefinition fragment) {
                definitions.add(fragment.transform(b -> b.selectionSet(withTypename(fragment.getSelectionSet()))));
            } else {
                definitions.add(definition);
            }
        }
        return AstPrinter.printAst(document.transform(builder -> builder.definitions(definitions)));
    }

    private static SelectionSet withTypename(SelectionSet set) {
        SelectionSet children = children(set);
        boolean has = children.getSelections().stream()
                .anyMatch(selection -> selection instanceof Field field && field.getName().equals("__typename"));
        if (has) {
            return children;
        }
        List<Selection> selections = new ArrayList<>(children.getSelections());
        selections.add(new Field("__typename"));
        return children.transform(builder -> builder.selections(selections));
    }

    private static SelectionSet children(SelectionSet set) {
        return set.transform(builder -> builder.selections(set.getSelections().stream().map(selection -> {
            if (selection instanceof Field field && field.getSelectionSet() != null) {
                return (Selection) field.transform(b -> b.selectionSet(withTypename(field.getSelectionSet())));
            }
            if (selection instanceof InlineFragment inline) {
                return (Selection) inline.transform(b -> b.selectionSet(withTypename(inline.getSelectionSet())));
            }
            return selection;
        }).map(selection -> (Selection) selection).toList()));
    }

    private static ValidatableResponse post(String query, JsonObject variables) {
        return given().contentType("application/json").header("X-Client-Name", "mobile")
                .body(new JsonObject().put("query", query).put("variables", variables).encode())
                .post("/graphql").then();
    }

    /** The document {@code find} resolves to, or what it refused it for, thrown. */
    private PreparedDocument find(ClientContract client, String text) throws Throwable {
        try {
            return documents.find(client, text, null).await().indefinitely();
        } catch (java.util.concurrent.CompletionException wrapped) {
            throw wrapped.getCause();
        }
    }
}
