package dev.facet.downstream;

import jakarta.ws.rs.WebApplicationException;

/** Reads the HTTP status a REST client failure carries, so adapters can map a service's answer to a meaning. */
public final class HttpStatus {

    private HttpStatus() {
    }

    public static boolean is(Throwable failure, int status) {
        return failure instanceof WebApplicationException web
                && web.getResponse() != null
                && web.getResponse().getStatus() == status;
    }
}
