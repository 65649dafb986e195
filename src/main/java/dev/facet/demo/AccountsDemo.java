package dev.facet.demo;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** Demo of the accounts service. */
@Path("/demo/accounts")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
@IfBuildProperty(name = "facet.demo.enabled", stringValue = "true")
public class AccountsDemo {

    @GET
    @Path("/users/{id}")
    public User user(@PathParam("id") String id) {
        return ShopWorld.user(id).orElseThrow(DemoErrors::notFound);
    }

    @GET
    @Path("/users")
    public List<User> users(@QueryParam("ids") String ids) {
        return QueryParams.ids("ids", ids).stream()
                .map(ShopWorld::user)
                .flatMap(Optional::stream)
                .toList();
    }
}
