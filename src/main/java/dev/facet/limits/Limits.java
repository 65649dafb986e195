package dev.facet.limits;

/** The limits one client's documents are held to: {@link QueryLimits}, with that client's overrides applied. */
public record Limits(int maxTokens, int maxDepth, int maxAliases, int maxRootFields, int maxDirectives,
        long maxCost, int maxDownstreamCalls, int maxInputListSize) {

    public static Limits of(QueryLimits limits) {
        return new Limits(limits.maxTokens(), limits.maxDepth(), limits.maxAliases(), limits.maxRootFields(),
                limits.maxDirectives(), limits.maxCost(), limits.maxDownstreamCalls(),
                limits.maxInputListSize());
    }
}
