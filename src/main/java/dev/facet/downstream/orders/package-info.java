/**
 * The orders service: a user's orders and placing new ones, idempotently — under a key that is the digest of the
 * user and the client's key ({@link dev.facet.downstream.orders.IdempotencyKey}), never reused for another cart
 * ({@link dev.facet.downstream.orders.Purchases}), and with an unknown outcome said as such.
 */
package dev.facet.downstream.orders;
