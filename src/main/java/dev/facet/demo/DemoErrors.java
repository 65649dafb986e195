package dev.facet.demo;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The error answers every demo service shares. They are thrown rather than returned so resource
 * methods keep their plain return types, which tests outside CDI call directly; the contract only
 * fixes the status and the {@code error} code, the other fields are there to help a human.
 */
public final class DemoErrors {

    public record Body(String error) {
    }

    public record MissingParameter(String error, String parameter) {
    }

    public record BadRequest(String error, String detail) {
    }

    public record UnknownProduct(String error, String productId) {
    }

    private DemoErrors() {
    }

    public static WebApplicationException notFound() {
        return error(404, new Body("not_found"));
    }

    public static WebApplicationException missingParameter(String name) {
        return error(400, new MissingParameter("missing_parameter", name));
    }

    public static WebApplicationException tooManyIds() {
        return error(400, new Body("too_many_ids"));
    }

    public static WebApplicationException badLimit() {
        return error(400, new Body("bad_limit"));
    }

    public static WebApplicationException badCursor() {
        return error(400, new Body("bad_cursor"));
    }

    public static WebApplicationException missingIdempotencyKey() {
        return error(400, new Body("missing_idempotency_key"));
    }

    public static WebApplicationException badRequest(String detail) {
        return error(400, new BadRequest("bad_request", detail));
    }

    public static WebApplicationException unknownUser() {
        return error(422, new Body("unknown_user"));
    }

    public static WebApplicationException unknownProduct(String productId) {
        return error(422, new UnknownProduct("unknown_product", productId));
    }

    private static WebApplicationException error(int status, Object body) {
        return new WebApplicationException(
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
