package dev.facet.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import graphql.parser.Parser;

/**
 * The comparison behind a registered operation sent with {@code __typename}s: a client may add bare
 * {@code __typename} selections anywhere, never drop one the registered text has, and nothing else passes as one.
 */
class TypenameFreeTextTests {

    private static final String REGISTERED = """
            query Search($q: String!) {
              search(q: $q) { ... on Product { id __typename } ...Shelf }
            }
            fragment Shelf on Category { name }""";

    @Test
    void typenamesMayBeAddedAnywhereInAnyOrder() {
        assertThat(admits(REGISTERED, """
                query Search($q: String!) {
                  search(q: $q) { __typename ... on Product { __typename id } ...Shelf }
                  __typename
                }
                fragment Shelf on Category { name __typename }""")).isTrue();
    }

    @Test
    void aTypenameTheRegisteredTextHasMayNotBeLeftOut() {
        assertThat(admits(REGISTERED, """
                query Search($q: String!) {
                  search(q: $q) { __typename ... on Product { id } ...Shelf }
                }
                fragment Shelf on Category { name __typename }""")).isFalse();
    }

    @Test
    void onlyABareTypenameIsLeftOutOfTheComparison() {
        String registered = "{ shelf { name } }";
        assertThat(admits(registered, "{ shelf { name __typename } }")).isTrue();
        assertThat(admits(registered, "{ shelf { name t: __typename } }")).isFalse();
        assertThat(admits(registered, "{ shelf { name __typename @include(if: true) } }")).isFalse();
        assertThat(admits(registered, "{ shelf { name __typename(x: 1) } }")).isFalse();
        assertThat(admits(registered, "{ shelf { name ... on Category { __typename } } }")).isFalse();
        // a selection set of nothing but __typename is not a leaf field
        assertThat(admits("{ shelf }", "{ shelf { __typename } }")).isFalse();
    }

    private static boolean admits(String registered, String sent) {
        return TypenameFreeText.of(Parser.parse(registered)).admits(TypenameFreeText.of(Parser.parse(sent)));
    }
}
