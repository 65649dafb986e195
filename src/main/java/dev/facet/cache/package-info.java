/**
 * Public data shared across requests: the answers of the service routes an operator declared public
 * ({@code facet.cache.<service>.<route>.ttl}) — catalog products, categories and category pages, review ratings,
 * stock if wanted — kept for their TTL (shortened or refused by the service's {@code Cache-Control}) in this
 * instance's memory, bounded by bytes, and optionally in Redis as a second level every instance shares. Identical
 * reads in flight at once share one call (coalescing). Off unless configured: without a declared route nothing here
 * is ever asked. What is fetched for a signed-in user — accounts, orders, recommendations — cannot be declared, and
 * a public read is made without the caller's token, so its answer is the same whoever asked.
 */
package dev.facet.cache;
