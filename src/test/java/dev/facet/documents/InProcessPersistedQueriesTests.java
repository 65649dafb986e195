package dev.facet.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * The persisted-query store is bounded by bytes and evicts: no flood of registrations can fill the heap or lock out
 * the next registration (a store bounded by entry count that stopped accepting at its bound answered
 * {@code PersistedQueryNotFound} forever after 6000 junk registrations).
 */
class InProcessPersistedQueriesTests {

    private static final long SIZE = 64 * 1024;
    private final InProcessPersistedQueries store = new InProcessPersistedQueries(new MemorySize(java.math.BigInteger.valueOf(SIZE)),
            new MemorySize(java.math.BigInteger.valueOf(32 * 1024)));

    @Test
    void afterAFloodANewRegistrationIsRemembered() {
        for (int i = 0; i < 20_000; i++) {
            store.put("web", "junk" + i, "{ __typename } # junk " + i);
        }
        store.put("web", "fresh", "{ product(id: \"p1\") { name } }");
        assertThat(store.get("web", "fresh")).contains("{ product(id: \"p1\") { name } }");
    }

    @Test
    void aFloodStaysWithinTheStoresBytes() {
        String big = "{ __typename } #" + "x".repeat(16 * 1024);
        for (int i = 0; i < 1_000; i++) {
            store.put("web", "big" + i, big);
        }
        long kept = 0;
        for (int i = 0; i < 1_000; i++) {
            kept += store.get("web", "big" + i).isPresent() ? 1 : 0;
        }
        // each weighs ~32 KB: at most two fit in 64 KB
        assertThat(kept).isLessThanOrEqualTo(2);
    }

    @Test
    void aDocumentLongerThanARegisteredOneMayBeIsNotKept() {
        store.put("web", "huge", "{ __typename } #" + "x".repeat(40 * 1024));
        assertThat(store.get("web", "huge")).isEmpty();
    }

    @Test
    void clientsDoNotShareRegistrations() {
        store.put("web", "same", "{ __typename }");
        assertThat(store.get("mobile", "same")).isEmpty();
    }
}
