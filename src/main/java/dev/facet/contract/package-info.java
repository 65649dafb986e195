/**
 * Client contracts: one code-first graph, projected into one schema per frontend. Root fields and client-specific
 * fields carry {@link dev.facet.contract.ServedTo}; each client's schema keeps only what it is served and the types
 * it can reach. Every request runs against its client's schema only — introspection, validation, execution and the
 * document cache alike — so a frontend team can evolve its schema without touching the other's.
 */
package dev.facet.contract;
