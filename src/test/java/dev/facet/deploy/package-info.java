/**
 * How Facet is deployed, proven from the files that deploy it: TLS terminated by Facet itself, the compose file,
 * the Prometheus rules and the Kubernetes manifests, read as compose, Prometheus and Kubernetes would read them.
 */
package dev.facet.deploy;
