package dev.facet.execution;

import static dev.facet.testing.Shop.query;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every object of a list is answered with the selection written for it: the same list field under two aliases, a
 * field the variables include or skip, and one fragment spread under different parents. ({@link QueryStrategy}
 * collects a field's sub-selection once per execution and reuses it for each object of the list.)
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class SelectionsTests extends ShopTest {

    @Test
    void aliasesOfOneListFieldKeepTheirOwnSelections() {
        query("""
                { ids: products(category: "c1", first: 5) { edges { node { id } } }
                  names: products(category: "c1", first: 5) { edges { node { name } } } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data.ids.edges.node", hasSize(5))
                .body("data.ids.edges.node", everyItem(hasKey("id")))
                .body("data.ids.edges.node", everyItem(not(hasKey("name"))))
                .body("data.names.edges.node", everyItem(hasKey("name")))
                .body("data.names.edges.node", everyItem(not(hasKey("id"))));
    }

    @Test
    void theVariablesOfEachRequestDecideWhatEveryObjectShows() {
        String page = """
                query($withName: Boolean!) {
                  products(category: "c1", first: 5) { edges { node { id name @include(if: $withName) } } } }""";
        query(page, Map.of("withName", true)).statusCode(200).body("errors", nullValue())
                .body("data.products.edges.node", everyItem(hasKey("name")));
        query(page, Map.of("withName", false)).statusCode(200).body("errors", nullValue())
                .body("data.products.edges.node", hasSize(5))
                .body("data.products.edges.node", everyItem(not(hasKey("name"))));
        query(page, Map.of("withName", true)).statusCode(200)
                .body("data.products.edges.node", everyItem(hasKey("name")));
    }

    @Test
    void aFragmentSpreadUnderDifferentParentsMergesWithEachParentsOwnFields() {
        query("""
                { product(id: "p6") { ...card stock { available } }
                  products(category: "c1", first: 3) { edges { node { ...card } } } }
                fragment card on Product { id price { formatted } }""")
                .statusCode(200).body("errors", nullValue())
                .body("data.product.stock.available", notNullValue())
                .body("data.product.price.formatted", notNullValue())
                .body("data.products.edges.node", hasSize(3))
                .body("data.products.edges.node", everyItem(not(hasKey("stock"))))
                .body("data.products.edges.node.price", everyItem(hasKey("formatted")));
    }
}
