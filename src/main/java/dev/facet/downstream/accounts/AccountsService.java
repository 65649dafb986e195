package dev.facet.downstream.accounts;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.facet.downstream.EventLoopClients;
import dev.facet.downstream.IdBatches;
import dev.facet.downstream.ServiceFailure;
import dev.facet.downstream.ServiceGuard;
import dev.facet.downstream.ServiceGuards;
import io.smallrye.mutiny.Uni;

/** Facet's one way to the accounts service. */
@ApplicationScoped
public class AccountsService {

    private final EventLoopClients.PerLoop<AccountsClient> client;
    private final ServiceGuard guard;

    AccountsService(@RestClient AccountsClient client, ServiceGuards guards, EventLoopClients loops) {
        this.client = loops.of(AccountsClient.class, client);
        this.guard = guards.of("accounts");
    }

    /** The user, or empty when the service does not know the id. */
    public Uni<Optional<UserDto>> user(String id) {
        return guard.call(() -> client.get().user(id))
                .map(Optional::of)
                .onFailure(failure -> ServiceFailure.answered(failure, 404)).recoverWithItem(Optional.empty());
    }

    /** The users the service knows among {@code ids}, by id; unknown ids are absent. */
    public Uni<Map<String, UserDto>> users(Collection<String> ids) {
        return IdBatches.fetch(ids, csv -> guard.call(() -> client.get().users(csv)))
                .map(users -> users.stream().collect(Collectors.toMap(UserDto::id, Function.identity(), (a, b) -> a)));
    }
}
