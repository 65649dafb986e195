/** The reviews service: reviews of a product and rating summaries. */
package dev.facet.downstream.reviews;
