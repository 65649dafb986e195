package dev.facet.downstream.orders;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.facet.security.CallerTokenRelay;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "orders")
@RegisterProvider(CallerTokenRelay.class)
interface OrdersClient {

    @GET
    @Path("/orders")
    Uni<List<OrderDto>> orders(@QueryParam("userId") String userId, @QueryParam("limit") int limit);

    @POST
    @Path("/orders")
    Uni<OrderDto> place(@HeaderParam("Idempotency-Key") String idempotencyKey, NewOrderDto order);
}
