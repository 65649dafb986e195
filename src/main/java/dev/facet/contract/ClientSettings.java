package dev.facet.contract;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** The frontends Facet serves, under {@code facet.clients.<client>.…}. */
@ConfigMapping(prefix = "facet.clients")
public interface ClientSettings {

    /** By client name (web, mobile): the schema each one gets. */
    @WithParentName
    Map<String, Client> clients();

    interface Client {

        /** OIDC client ids (a token's {@code azp}, else {@code client_id}) that belong to this client. */
        List<String> clientIds();

        /** Whether this client may introspect its schema (and read its SDL); off unless configured (on in dev and test). */
        @WithDefault("false")
        boolean introspection();

        /**
         * Which documents this client may send: {@code any}, or {@code registered-only} — only the operations its
         * team registered under {@code clients/<client>/} (by id or by text), nothing else.
         */
        @WithDefault("any")
        Documents documents();

        /** This client's own values for any of {@code facet.limits.…}; unset ones are the defaults. */
        ClientLimits limits();
    }

    interface ClientLimits {

        OptionalInt maxTokens();

        OptionalInt maxDepth();

        OptionalInt maxAliases();

        OptionalInt maxRootFields();

        OptionalInt maxDirectives();

        OptionalLong maxCost();

        OptionalInt maxDownstreamCalls();

        OptionalInt maxInputListSize();
    }

    enum Documents {
        ANY,
        REGISTERED_ONLY
    }
}
