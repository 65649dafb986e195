package dev.facet.contract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.facet.errors.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Decides which client a request speaks for. A verified token names its client ({@code azp}, else
 * {@code client_id}); a request without one names it with {@code X-Client-Name}. A token and a header that
 * disagree, a client nobody configured, or no client at all are refused — unless a default client is configured,
 * which is meant for dev mode only.
 */
@Singleton
public class ClientSelection {

    public static final String HEADER = "X-Client-Name";

    private final ClientContracts contracts;
    private final Map<String, String> clientByOidcId = new HashMap<>();
    private final Optional<String> defaultClient;

    /**
     * @param defaultClient the client of a request that names none (no token, no header); meant for dev mode's
     *        GraphQL UI, unset in prod
     */
    ClientSelection(ClientContracts contracts, ClientSettings settings,
            @ConfigProperty(name = "facet.default-client") Optional<String> defaultClient) {
        this.contracts = contracts;
        settings.clients().forEach((name, client) -> client.clientIds().forEach(id -> clientByOidcId.put(id, name)));
        this.defaultClient = defaultClient;
    }

    /** The outcome: the contract to serve, or why not (an HTTP status and a public code). */
    public record Choice(ClientContract contract, int status, ErrorCode code, String message) {

        static Choice serve(ClientContract contract) {
            return new Choice(contract, 200, null, null);
        }

        static Choice refuse(int status, ErrorCode code, String message) {
            return new Choice(null, status, code, message);
        }

        public boolean refused() {
            return contract == null;
        }
    }

    /** @param identity the verified caller, null or anonymous when there is no token */
    public Choice choose(SecurityIdentity identity, String headerValue) {
        Optional<String> named = Optional.ofNullable(headerValue).map(String::trim).filter(value -> !value.isEmpty())
                .map(value -> value.toLowerCase(Locale.ROOT));
        Optional<String> tokenClientId = tokenClientId(identity);
        if (tokenClientId.isPresent()) {
            String client = clientByOidcId.get(tokenClientId.get());
            if (client == null) {
                return Choice.refuse(403, ErrorCode.FORBIDDEN, "This token's client is not served by this API");
            }
            if (named.isPresent() && !named.get().equals(client)) {
                return Choice.refuse(403, ErrorCode.FORBIDDEN, "The token belongs to another client than " + HEADER + " names");
            }
            return serve(client);
        }
        if (named.isPresent()) {
            return contracts.forClient(named.get()).map(Choice::serve)
                    .orElseGet(() -> Choice.refuse(400, ErrorCode.UNKNOWN_CLIENT, HEADER + " does not name a known client"));
        }
        return defaultClient.map(this::serve).orElseGet(() -> Choice.refuse(400, ErrorCode.UNKNOWN_CLIENT,
                "Name your client with the " + HEADER + " header or sign in"));
    }

    private Choice serve(String client) {
        return contracts.forClient(client).map(Choice::serve)
                .orElseGet(() -> Choice.refuse(400, ErrorCode.UNKNOWN_CLIENT, "This client is not served by this API"));
    }

    private static Optional<String> tokenClientId(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object azp = token.getClaim("azp");
        Object clientId = azp != null ? azp : token.getClaim("client_id");
        return clientId == null ? Optional.of("") : Optional.of(String.valueOf(clientId));
    }
}
