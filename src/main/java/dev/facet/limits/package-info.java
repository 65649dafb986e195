/**
 * What one GraphQL document may ask of Facet: tokens, depth, aliases, root fields, directives and a cost computed
 * from the client's schema and the list sizes it asks for. Checked at the edge, after parsing and before any
 * validation, execution or downstream call, so that a hostile document costs microseconds.
 */
package dev.facet.limits;
