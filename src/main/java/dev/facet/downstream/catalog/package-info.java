/** The catalog service: products, categories and category pages. */
package dev.facet.downstream.catalog;
