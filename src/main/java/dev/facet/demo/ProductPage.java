package dev.facet.demo;

import java.util.List;

/** One page of a category; {@code nextCursor} is null on the last page, never a cursor to an empty page. */
public record ProductPage(List<Product> items, String nextCursor) {
}
