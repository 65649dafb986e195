package dev.facet.limits;

/**
 * A field whose data fetcher runs one of the shop's resolvers, and so may call a service: the call budget
 * ({@link QueryCost}) prices it by the calls it causes. Facet's data fetchers say which kind they are; graphql-java's
 * property fetchers, which read a value already fetched, are not downstream fields.
 */
public interface DownstreamField {

    /**
     * Whether the field's parents are resolved together (an {@code @Source List} resolver: one call per level and
     * hundred parents), rather than one call per parent.
     */
    boolean batched();
}
