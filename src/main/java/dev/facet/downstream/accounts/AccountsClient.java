package dev.facet.downstream.accounts;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.facet.security.CallerTokenRelay;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "accounts")
@RegisterProvider(CallerTokenRelay.class)
interface AccountsClient {

    @GET
    @Path("/users/{id}")
    Uni<UserDto> user(@PathParam("id") String id);

    @GET
    @Path("/users")
    Uni<List<UserDto>> users(@QueryParam("ids") String idsCsv);
}
