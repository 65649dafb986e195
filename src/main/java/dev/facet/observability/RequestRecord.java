package dev.facet.observability;

import java.util.ArrayList;
import java.util.List;

import dev.facet.contract.ClientContract;
import dev.facet.documents.PreparedDocument;
import dev.facet.documents.RegisteredDocument;
import dev.facet.errors.ErrorCode;
import io.vertx.ext.web.RoutingContext;

/**
 * What one GraphQL request's sample says, written down by the edge and the execution as they learn it and read
 * once when the response ends. Lives in the request's {@link RoutingContext}.
 */
public final class RequestRecord {

    /** A request whose client is not known, or not served. */
    public static final String UNKNOWN_CLIENT = "unknown";
    /** Any document that is not one of the client's registered operations. */
    public static final String UNREGISTERED = "unregistered";

    static final String KEY = RequestRecord.class.getName();

    /** How the request ended, as the {@code outcome} tag says it. */
    public enum Outcome {
        /** Data and no errors. */
        OK,
        /** Data and errors. */
        PARTIAL,
        /** Errors and no data, from running it (or Facet's own {@code INTERNAL} error). */
        ERROR,
        /** A 4xx, a missing persisted query or a 503 {@code OVERLOADED}: refused before anything ran. */
        REFUSED;

        final String tag = name().toLowerCase(java.util.Locale.ROOT);
    }

    final long start = System.nanoTime();
    final String requestId;
    ClientContract contract;
    PreparedDocument document;
    String operationName;
    Outcome outcome;
    boolean warmUp;
    final List<String> codes = new ArrayList<>(2);

    RequestRecord(String requestId) {
        this.requestId = requestId;
    }

    /** The record of this request, or null when it is not a tracked GraphQL request. */
    public static RequestRecord of(RoutingContext context) {
        return context.get(KEY);
    }

    /** The request's id: in its log lines, its {@code X-Request-Id} answer header and its errors. */
    public String requestId() {
        return requestId;
    }

    /** Sent by the warm-up, not by a caller. */
    public void warmUp() {
        this.warmUp = true;
    }

    /** The served client the request speaks for. */
    public void client(ClientContract contract) {
        this.contract = contract;
    }

    /** The {@code client} tag: a served client's name, else {@link #UNKNOWN_CLIENT}. */
    String clientTag() {
        return contract == null ? UNKNOWN_CLIENT : contract.name();
    }

    /** The document that runs, and the operation the request named in it (null: the only one). */
    public void document(PreparedDocument document, String operationName) {
        this.document = document;
        this.operationName = operationName;
    }

    /**
     * Answered without data before or instead of running: refused (a 4xx, a missing persisted query, a 503
     * {@code OVERLOADED}), or failed with {@code INTERNAL}, Facet's own error.
     */
    public void refused(String code) {
        outcome = ErrorCode.INTERNAL.name().equals(code) ? Outcome.ERROR : Outcome.REFUSED;
        codes.add(code);
    }

    /** Ran: the answer has data or not, and these public error codes. */
    public void executed(boolean data, List<String> errorCodes) {
        outcome = !data ? Outcome.ERROR : errorCodes.isEmpty() ? Outcome.OK : Outcome.PARTIAL;
        codes.addAll(errorCodes);
    }

    /** The {@code operation} tag: the registered operation's name, else {@link #UNREGISTERED}. */
    String operationTag() {
        if (document == null) {
            return UNREGISTERED;
        }
        return document.registered().map(RegisteredDocument::operationName).filter(name -> name != null)
                .orElse(UNREGISTERED);
    }
}
