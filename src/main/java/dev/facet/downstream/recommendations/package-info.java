/** The recommendations service: products picked for a user, best first. */
package dev.facet.downstream.recommendations;
