package dev.facet.downstream.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A cached category page is found only by the very page asked for, whatever the ids and cursors contain. */
class PageKeyTests {

    @Test
    void anIdAndACursorThatContainTheSeparatorDoNotMakeAnotherPagesKey() {
        assertThat(CatalogService.pageKey("c1|5", 20, null)).isNotEqualTo(CatalogService.pageKey("c1", 5, "20|"));
        assertThat(CatalogService.pageKey("c1", 20, "x")).isNotEqualTo(CatalogService.pageKey("c1", 2, "0|x"));
        assertThat(CatalogService.pageKey("c1", 20, null)).isEqualTo(CatalogService.pageKey("c1", 20, null));
    }
}
