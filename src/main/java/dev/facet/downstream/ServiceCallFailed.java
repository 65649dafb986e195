package dev.facet.downstream;

/**
 * What every failed call through a {@link ServiceGuard} fails with: the failure, and the service it came from, so
 * that the log can name the service whatever the REST client, Vert.x or Fault Tolerance raised. {@link
 * ServiceFailure} reads through it. Without a stack trace of its own: its cause has one, where it matters.
 */
public final class ServiceCallFailed extends RuntimeException {

    private final String service;

    ServiceCallFailed(String service, Throwable failure) {
        super("A call to " + service + " failed", failure, false, false);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
