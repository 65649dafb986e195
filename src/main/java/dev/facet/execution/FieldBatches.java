package dev.facet.execution;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;

import io.vertx.core.Context;

/**
 * The batches of one GraphQL request's {@code @Source List} fields: one java-dataloader per field (and per set of
 * other arguments), registered with graphql-java, which dispatches them level by level — once every field of a
 * level has been asked for, so each batch resolver is called once per level with all the level's parents. Parents
 * are not de-duplicated: every parent gets the value the resolver answered at its own position.
 */
final class FieldBatches {

    static final String KEY = FieldBatches.class.getName();

    private static final DataLoaderOptions ONE_PER_PARENT = DataLoaderOptions.newOptions()
            .setCachingEnabled(false)
            .build();

    private final DataLoaderRegistry registry = new DataLoaderRegistry();
    private final Map<List<Object>, DataLoader<Object, Object>> loaders = new HashMap<>();

    DataLoaderRegistry registry() {
        return registry;
    }

    /** Makes these the batches of the request being served, on its Vert.x context, for {@link #current()}. */
    void serve() {
        Context request = RequestContexts.current();
        if (request != null) {
            request.putLocal(KEY, this);
        }
    }

    /** The batches of the request being served, found on its Vert.x context; null off a request's context. */
    static FieldBatches current() {
        Context request = RequestContexts.current();
        return request == null ? null : request.getLocal(KEY);
    }

    /** The loader of {@code field} with these other arguments, made the first time the request asks for it. */
    synchronized DataLoader<Object, Object> of(String field, List<Object> arguments,
            Function<List<Object>, BatchLoader<Object, Object>> resolver) {
        // the registry names the loader, which makes a new instance: load into the one it keeps
        return loaders.computeIfAbsent(Arrays.asList(field, arguments), ignored -> registry.registerAndGet(
                field + "#" + loaders.size(), DataLoaderFactory.newDataLoader(resolver.apply(arguments),
                        ONE_PER_PARENT)));
    }
}
