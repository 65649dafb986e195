package dev.facet.execution;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.mutiny.Uni;

/**
 * One resolver method of the code-first graph, as SmallRye's schema model describes it, bound once at start-up to
 * its bean and to a method handle, with a reader per parameter: the parent ({@code @Source}) or a GraphQL argument
 * converted to the parameter's Java type. Anything this class cannot call exactly as declared stops the start.
 */
final class ResolverMethod {


    private final String coordinates;
    private final MethodHandle handle;
    private final List<Function<DataFetchingEnvironment, Object>> arguments;
    private final int sourcePosition;

    private ResolverMethod(String coordinates, MethodHandle handle,
            List<Function<DataFetchingEnvironment, Object>> arguments, int sourcePosition) {
        this.coordinates = coordinates;
        this.handle = handle;
        this.arguments = arguments;
        this.sourcePosition = sourcePosition;
    }

    static ResolverMethod bind(String coordinates, Operation operation, Object bean, ObjectMapper json) {
        Method method = find(beanClass(bean, operation), operation);
        Class<?> returned = method.getReturnType();
        if (!Uni.class.isAssignableFrom(returned) && !CompletionStage.class.isAssignableFrom(returned)) {
            // resolvers run on the event loop: one that computed its answer in place could block it
            throw new IllegalStateException(coordinates + " must return a Uni: " + method);
        }
        List<Argument> modelArguments = operation.getArguments();
        Type[] types = method.getGenericParameterTypes();
        Class<?>[] classes = method.getParameterTypes();
        List<Function<DataFetchingEnvironment, Object>> readers = new ArrayList<>();
        int source = -1;
        for (int i = 0; i < modelArguments.size(); i++) {
            Argument argument = modelArguments.get(i);
            if (argument.isSourceArgument()) {
                source = i;
                readers.add(DataFetchingEnvironment::getSource);
            } else {
                readers.add(reader(argument.getName(), classes[i], types[i], json));
            }
        }
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(bean)
                    .asSpreader(Object[].class, classes.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new ResolverMethod(coordinates, handle, List.copyOf(readers), source);
        } catch (IllegalAccessException | RuntimeException unusable) {
            throw new IllegalStateException("Cannot call the resolver of " + coordinates + ": " + method, unusable);
        }
    }

    String coordinates() {
        return coordinates;
    }

    /** The arguments for one call; the parent is read from {@code environment} too. */
    Object[] arguments(DataFetchingEnvironment environment) {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments.get(i).apply(environment);
        }
        return values;
    }

    /** Whether the method takes nothing but the parent (a batch's: the list of parents). */
    boolean sourceOnly() {
        return arguments.size() == 1 && sourcePosition == 0;
    }

    /** The arguments other than the parent, which tell two batches of the same field apart. */
    List<Object> otherArguments(DataFetchingEnvironment environment) {
        if (sourceOnly()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>(Arrays.asList(arguments(environment)));
        values.remove(sourcePosition);
        return values;
    }

    /** The arguments of a batch call: the parents of the batch at the parent's place, then the others. */
    Object[] batchArguments(List<Object> parents, List<Object> others) {
        List<Object> values = new ArrayList<>(others);
        values.add(sourcePosition, parents);
        return values.toArray();
    }

    Object invoke(Object[] values) {
        try {
            return handle.invokeExact(values);
        } catch (RuntimeException | Error failure) {
            throw failure;
        } catch (Throwable checked) {
            throw new IllegalStateException(coordinates + " failed", checked);
        }
    }

    private static Class<?> beanClass(Object bean, Operation operation) {
        try {
            return Class.forName(operation.getClassName(), false, bean.getClass().getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("No class " + operation.getClassName(), missing);
        }
    }

    private static Method find(Class<?> type, Operation operation) {
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(method -> method.getName().equals(operation.getMethodName()))
                .filter(method -> method.getParameterCount() == operation.getArguments().size())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .toList();
        if (candidates.size() != 1) {
            throw new IllegalStateException("Expected one method " + type.getName() + "." + operation.getMethodName()
                    + " with " + operation.getArguments().size() + " parameters, found " + candidates.size());
        }
        return candidates.get(0);
    }

    /**
     * graphql-java hands over arguments already coerced: String for ID and String, Integer for Int, Double for
     * Float, Boolean, and maps and lists for input objects and lists, which Jackson turns into the parameter's
     * type (records included), as it does enums, which arrive by name, and the defaults SmallRye declared as
     * other number types.
     */
    private static Function<DataFetchingEnvironment, Object> reader(String name, Class<?> parameter, Type generic,
            ObjectMapper json) {
        JavaType target = json.getTypeFactory().constructType(generic);
        Class<?> boxed = MethodType.methodType(parameter).wrap().returnType();
        boolean plain = target.containedTypeCount() == 0;
        return environment -> {
            Object value = environment.getArgument(name);
            if (value == null) {
                return null;
            }
            // mostly graphql-java's value as it is; a default value may arrive as another number type
            return plain && boxed.isInstance(value) ? value : json.convertValue(value, target);
        };
    }
}
