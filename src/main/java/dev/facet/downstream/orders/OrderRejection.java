package dev.facet.downstream.orders;

/** The body of a 4xx answer of the orders service, e.g. {@code {"error":"unknown_product","productId":"p9"}}. */
record OrderRejection(String error, String productId) {
}
