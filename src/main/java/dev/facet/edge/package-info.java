/**
 * HTTP-level checks in front of {@code /graphql}: requests refused before SmallRye GraphQL sees them, answered in
 * Facet's own error shape.
 */
package dev.facet.edge;
