package dev.facet.downstream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.logging.Logger;

import io.netty.util.concurrent.FastThreadLocal;
import io.quarkus.rest.client.reactive.runtime.RestClientCDIDelegateBuilder;
import io.vertx.core.Context;

/**
 * One REST client of a service per event loop, so that a request's downstream calls are written and read on the
 * event loop that serves the request.
 *
 * <p>Hand-written because neither Vert.x nor the Quarkus REST client does it: Quarkus builds one client (one Vert.x
 * {@code HttpClient}, one connection pool) per interface, and that pool hands a request the most recently used free
 * connection whatever event loop the connection lives on. A request served on one loop then writes through another
 * loop and gets its answer dispatched back: two thread hand-offs per call, each a wake-up of the other loop (traced
 * with strace at one connection: a few hundred microseconds a call, within this box's noise for latency; under load,
 * CPU spent moving work between cores — 7–17 % more requests per core without it). A client per loop, built by
 * Quarkus's own builder from the same configuration key, creates its connections on the loop that uses it, so they
 * never cross.
 *
 * <p>The CDI client stays for calls made off an event loop (none on the request path); clients built here are
 * closed with the application.
 */
@ApplicationScoped
public class EventLoopClients {

    private static final Logger LOG = Logger.getLogger(EventLoopClients.class);

    private final List<Object> built = new CopyOnWriteArrayList<>();

    /**
     * A service's client per event loop, configured as the interface's {@code @RegisterRestClient} says (its
     * configuration key and base URI, like the CDI client); {@code shared} (the CDI client) serves every other thread.
     */
    public <T> PerLoop<T> of(Class<T> api, T shared) {
        RegisterRestClient registered = api.getAnnotation(RegisterRestClient.class);
        String baseUri = registered.baseUri().isEmpty() ? null : registered.baseUri();
        return new PerLoop<>(api, baseUri, registered.configKey(), shared);
    }

    /** One service interface's clients: {@link #get()} answers the one of the calling event loop. */
    public final class PerLoop<T> {

        private final Class<T> api;
        private final String baseUri;
        private final String configKey;
        private final T shared;
        private final FastThreadLocal<T> own = new FastThreadLocal<>();

        PerLoop(Class<T> api, String baseUri, String configKey, T shared) {
            this.api = api;
            this.baseUri = baseUri;
            this.configKey = configKey;
            this.shared = shared;
        }

        /** The calling event loop's client (built on its first call), or the shared one off an event loop. */
        public T get() {
            if (!Context.isOnEventLoopThread()) {
                return shared;
            }
            T client = own.getIfExists();
            if (client == null) {
                client = RestClientCDIDelegateBuilder.createDelegate(api, baseUri, configKey);
                built.add(client);
                own.set(client);
            }
            return client;
        }
    }

    @PreDestroy
    void close() {
        for (Object client : built) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                LOG.debugf("closing a %s client: %s", client.getClass().getSimpleName(), e);
            }
        }
        built.clear();
    }
}
