/** The orders service: a user's orders and placing new ones, idempotently. */
package dev.facet.downstream.orders;
