package dev.facet.cache;

/** One answer of one route: a product id, a category page's category, size and cursor, … */
record CacheKey(String route, String id) {
}
