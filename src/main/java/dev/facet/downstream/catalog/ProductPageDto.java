package dev.facet.downstream.catalog;

import java.util.List;

/** One page of a category; {@code nextCursor} is the catalog's own opaque cursor, null on the last page. */
public record ProductPageDto(List<ProductDto> items, String nextCursor) {
}
