package dev.facet.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The limits every document must stay within, under {@code facet.limits.…}. The defaults leave the registered
 * operations far inside them (the costliest, CategoryPage, costs 281 and is 5 deep) and refuse what no screen needs.
 */
@ConfigMapping(prefix = "facet.limits")
public interface QueryLimits {

    /** Lexical tokens in the document (names, punctuation, values); the parser stops counting past this. */
    @WithDefault("5000")
    int maxTokens();

    /** Nesting of selections, counted in fields; introspection fields are left to graphql-java's own checks. */
    @WithDefault("12")
    int maxDepth();

    /** Fields that carry an alias, counted once per place a fragment is spread. */
    @WithDefault("30")
    int maxAliases();

    /** Fields in the operation's top selection set. */
    @WithDefault("10")
    int maxRootFields();

    /** Directive uses. */
    @WithDefault("20")
    int maxDirectives();

    /**
     * Every field costs 1, times the sizes asked for by the list fields above it ({@code first}, or its default).
     */
    @WithDefault("5000")
    long maxCost();

    /**
     * The calls to services one request may cause, estimated before it runs: a field resolved once per parent (a
     * product's reviews) costs one call per parent, a batched field one call per level and hundred parents, a root
     * field one call. The registered operations cause at most 6.
     */
    @WithDefault("50")
    int maxDownstreamCalls();

    /**
     * Items in any one list of a request's variables (an order's lines, ids): checked before the variables are
     * coerced to the schema's types, so thousands of items are refused without being copied. An order has at most
     * 100 lines.
     */
    @WithDefault("100")
    int maxInputListSize();

    /**
     * JSON tokens in a request's body or GET parameters (names, values, brackets), counted by Jackson as it parses
     * ({@code StreamReadConstraints}) and refused past the bound with 400 {@code BAD_REQUEST}. The body limit bounds
     * bytes, not what they parse into: 1 MB of empty objects is 300,000 maps (~30 MB at ~100 bytes each). The
     * registered operations send a few dozen tokens; an order of 100 lines ~600.
     */
    @WithDefault("10000")
    int maxBodyTokens();

    /**
     * GraphQL requests one instance holds at once, across all clients, executing or waiting their turn for
     * {@code max-executing-queries}; the next is refused at once with 503, {@code OVERLOADED} and {@code Retry-After},
     * before its token is verified ({@code dev.facet.edge.InFlightLimit}). Per instance, not per client: it bounds the
     * queue of one process. What their bodies hold is bounded by {@code max-in-flight-bytes}, so this is about how long
     * a queue is worth keeping rather than about the heap: at ~1,500 requests/s a 2-CPU instance works through 256 in
     * well under its deadline. Measured with the bench's soak at 400 requests/s from the moment a fresh instance was
     * ready: with 96, 81-100 % of the first second's requests were answered in full and the rest refused; with 256, 100
     * % in all 22 runs, none late. In 5 of them the instance fell behind in the following seconds and refused past 256
     * (README, "Ready means fast"). Give it your instance's requests per second times the part of the deadline a
     * request may spend waiting.
     */
    @WithDefault("256")
    int maxInFlight();

    /**
     * Bytes of request bodies one instance holds at once, being read, waiting their turn or executing: each request
     * counts its declared {@code Content-Length}, one without (chunked) the largest body allowed
     * ({@code quarkus.http.limits.max-body-size}); past the bound the next is refused like one past
     * {@code max-in-flight}, before its body is read. Without it, 200 callers that each started a 1 MB body and sent
     * it slowly stopped an instance with the shipped 56 MB heap (OutOfMemoryError): 256 requests in flight may hold
     * 256 MB. 4 MB is four bodies of the largest size at once, or thousands of the registered operations' (under 1 KB
     * each). At least {@code max-body-size}, or a chunked body could never be read.
     */
    @WithDefault("4M")
    MemorySize maxInFlightBytes();

    /**
     * Queries one instance executes at once; the next ones wait their turn, first come first served, within
     * {@code max-in-flight} and their deadline ({@code dev.facet.edge.ExecutingQueries}). Mutations are not counted:
     * writes have their own bulkhead, and a hanging orders service must not hold the places the reads need. Sized for
     * the 2-CPU instance of {@code docker/jvm.options}: what 40 queries hold while their calls are out fits its young
     * generation; at 64 connections with 96 executing, CategoryPage answered 640 requests/s, with 40 executing 1,244.
     */
    @WithDefault("40")
    int maxExecutingQueries();
}
