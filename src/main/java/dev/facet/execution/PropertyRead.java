package dev.facet.execution;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;

/**
 * A plain field of the graph, read by calling its getter through a method handle found once, when the schema is wired.
 *
 * <p>graphql-java's {@link PropertyDataFetcher} finds the getter again on every read: it builds a cache key string
 * from the source's class and the property name and looks it up, per field and per object — on a 20-product page,
 * a few hundred strings a request. It stays as the fallback for a source that is not of the type's own class.
 */
final class PropertyRead implements LightDataFetcher<Object> {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private final Class<?> owner;
    private final MethodHandle getter;
    private final PropertyDataFetcher<Object> fallback;

    private PropertyRead(Class<?> owner, MethodHandle getter, PropertyDataFetcher<Object> fallback) {
        this.owner = owner;
        this.getter = getter;
        this.fallback = fallback;
    }

    /**
     * The reader of {@code propertyName} on instances of {@code className}: its public getter {@code methodName} when
     * the class has one, else graphql-java's property fetcher alone.
     */
    static LightDataFetcher<Object> of(String className, String methodName, String propertyName) {
        PropertyDataFetcher<Object> fallback = PropertyDataFetcher.fetching(propertyName);
        if (className == null || methodName == null) {
            return fallback;
        }
        try {
            Class<?> owner = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            Method method = owner.getMethod(methodName);
            if (Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(owner.getModifiers())) {
                return fallback;
            }
            return new PropertyRead(owner, MethodHandles.publicLookup().unreflect(method).asType(GETTER), fallback);
        } catch (ReflectiveOperationException notThere) {
            return fallback;
        }
    }

    @Override
    public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment)
            throws Exception {
        if (!reads(source)) {
            return fallback.get(field, source, environment);
        }
        try {
            return read(source);
        } catch (RuntimeException | Error unchanged) {
            throw unchanged;
        } catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }

    /** Whether {@link #read} can read {@code source} (an instance of the type's own class). */
    boolean reads(Object source) {
        return owner.isInstance(source);
    }

    /** The getter's value on a source that {@link #reads}; whatever the getter throws, unchanged. */
    Object read(Object source) throws Throwable {
        return (Object) getter.invokeExact(source);
    }

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
        return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
    }
}
