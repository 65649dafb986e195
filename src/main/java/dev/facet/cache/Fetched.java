package dev.facet.cache;

import java.util.List;

import org.jboss.resteasy.reactive.RestResponse;

/** A service's answer to a public read, with what it said about reusing it ({@code Cache-Control}, if any). */
public record Fetched<T>(T value, String cacheControl) {

    public static <T> Fetched<T> of(RestResponse<T> response) {
        return new Fetched<>(response.getEntity(), response.getHeaderString("Cache-Control"));
    }

    /** Each item of a batch answer, with the header the whole answer came with. */
    public static <T> List<Fetched<T>> each(RestResponse<List<T>> response) {
        String cacheControl = response.getHeaderString("Cache-Control");
        List<T> items = response.getEntity() == null ? List.of() : response.getEntity();
        return items.stream().map(item -> new Fetched<>(item, cacheControl)).toList();
    }
}
