package dev.facet.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.dataloader.BatchLoader;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.facet.limits.DownstreamField;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.LightDataFetcher;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.transformation.NumberTransformer;
import io.smallrye.graphql.transformation.Transformer;

/**
 * Connects the code-first graph's resolvers to graphql-java, replacing the data fetchers SmallRye generates. SmallRye
 * builds a whole context per field — a clone of its request context, the selected fields twice as JSON, CDI events,
 * a request-context activation — and Facet's resolvers need none of it: here a field calls its resolver method
 * directly through a method handle, a {@code @Source List} field joins its level's batch ({@link FieldBatches}),
 * and a plain property is read through its getter ({@link PropertyRead}). The schema, its names and types
 * still come from SmallRye's model, built from the annotations.
 */
@Singleton
public class ResolverWiring {

    private final GraphQLCodeRegistry registry;

    ResolverWiring(Schema graph, ObjectMapper json) {
        refuseUnsupported(graph);
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
        graph.getQueries().forEach(operation -> resolver(code, "Query", operation, json));
        graph.getMutations().forEach(operation -> resolver(code, "Mutation", operation, json));
        for (Type type : graph.getTypes().values()) {
            type.getFields().values().forEach(field -> property(code, type, field));
            if (type.hasOperations()) {
                type.getOperations().values().forEach(operation -> resolver(code, type.getName(), operation, json));
            }
            if (type.hasBatchOperations()) {
                type.getBatchOperations().values().forEach(operation -> batch(code, type.getName(), operation, json));
            }
        }
        this.registry = code.build();
    }

    /** The data fetchers of the whole graph; each client's schema takes the ones of the fields it is served. */
    public GraphQLCodeRegistry registry() {
        return registry;
    }

    private static void resolver(GraphQLCodeRegistry.Builder code, String type, Operation operation,
            ObjectMapper json) {
        ResolverMethod method = ResolverMethod.bind(type + "." + operation.getName(), operation, bean(operation), json);
        code.dataFetcher(FieldCoordinates.coordinates(type, operation.getName()), new Resolving(method));
    }

    private static void batch(GraphQLCodeRegistry.Builder code, String type, Operation operation, ObjectMapper json) {
        String coordinates = type + "." + operation.getName();
        ResolverMethod method = ResolverMethod.bind(coordinates, operation, bean(operation), json);
        code.dataFetcher(FieldCoordinates.coordinates(type, operation.getName()), new Batching(coordinates, method));
    }

    /** A field resolved once per parent by its resolver method. */
    private record Resolving(ResolverMethod method) implements DataFetcher<Object>, DownstreamField {

        @Override
        public Object get(DataFetchingEnvironment environment) {
            Object[] arguments = method.arguments(environment);
            DataFetchingEnvironment outer = ResolvingField.enter(environment);
            try {
                return FieldValues.of(method.invoke(arguments));
            } finally {
                ResolvingField.leave(outer);
            }
        }

        @Override
        public boolean batched() {
            return false;
        }
    }

    /**
     * A field whose parents of one level are resolved together, by an {@code @Source List} resolver method. Most such
     * fields take nothing but their parent (a product's {@code stock}, a review's {@code author}): those join their
     * batch as a {@link LightDataFetcher}, without the data-fetching environment graphql-java would otherwise build
     * for every parent (its directives, selection set and their locks) — on a 20-product page, 40 of them.
     */
    private record Batching(String coordinates, ResolverMethod method)
            implements LightDataFetcher<Object>, DownstreamField {

        @Override
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
            FieldBatches batches = method.sourceOnly() ? FieldBatches.current() : null;
            return batches == null ? get(environment.get())
                    : batches.of(coordinates, List.of(), others -> resolveAll(method, others)).load(source);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) {
            FieldBatches batches = environment.getGraphQlContext().get(FieldBatches.KEY);
            return batches.of(coordinates, method.otherArguments(environment), others -> resolveAll(method, others))
                    .load(environment.getSource());
        }

        @Override
        public boolean batched() {
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private static BatchLoader<Object, Object> resolveAll(ResolverMethod method, List<Object> others) {
        return parents -> (CompletableFuture<List<Object>>) FieldValues.of(
                method.invoke(method.batchArguments(new ArrayList<>(parents), others)));
    }

    /**
     * A plain field is read through its getter ({@link PropertyRead}), and dates and the like are formatted as
     * SmallRye's scalars expect.
     */
    private static void property(GraphQLCodeRegistry.Builder code, Type type, Field field) {
        Transformer<Object, Object> transformer = formatting(field);
        if (transformer != null && field.hasWrapper()) {
            throw new IllegalStateException("Lists of " + field.getReference().getClassName() + " are not supported: "
                    + type.getName() + "." + field.getName());
        }
        DataFetcher<Object> read = PropertyRead.of(type.getClassName(), field.getMethodName(), field.getPropertyName());
        code.dataFetcher(FieldCoordinates.coordinates(type.getName(), field.getName()), transformer == null ? read
                : (DataFetcher<Object>) environment -> {
                    Object value = read.get(environment);
                    return value == null ? null : transformer.out(value);
                });
    }

    @SuppressWarnings("unchecked")
    private static Transformer<Object, Object> formatting(Field field) {
        Transformer<Object, Object> transformer = Transformer.transformer(field);
        // numbers pass through unchanged; only formats (dates, a declared number format) change a value
        return transformer == null || transformer.getClass() == NumberTransformer.class ? null : transformer;
    }

    private static Object bean(Operation operation) {
        try {
            Class<?> type = Class.forName(operation.getClassName(), true,
                    Thread.currentThread().getContextClassLoader());
            InstanceHandle<?> handle = Arc.container().instance(type);
            if (!handle.isAvailable()) {
                throw new IllegalStateException("No bean for resolver class " + type.getName());
            }
            return handle.get();
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("No resolver class " + operation.getClassName(), missing);
        }
    }

    private static void refuseUnsupported(Schema graph) {
        List<String> unsupported = new ArrayList<>();
        if (graph.hasSubscriptions()) {
            unsupported.add("subscriptions");
        }
        if (graph.hasNamespaceQueries() || graph.hasNamespaceMutations()) {
            unsupported.add("namespaces");
        }
        if (graph.hasResolvers()) {
            unsupported.add("@Resolver");
        }
        if (graph.hasInterfaces() || graph.hasUnions()) {
            unsupported.add("interfaces and unions");
        }
        for (Map.Entry<String, Type> type : graph.getTypes().entrySet()) {
            for (Field field : type.getValue().getFields().values()) {
                if (field.isAdaptingTo() || field.isAdaptingWith() || field.getReference().isAdaptingTo()
                        || field.getReference().isAdaptingWith()) {
                    unsupported.add("adapters (" + type.getKey() + "." + field.getName() + ")");
                }
            }
        }
        if (!unsupported.isEmpty()) {
            throw new IllegalStateException("Facet's execution does not support " + unsupported);
        }
    }
}
