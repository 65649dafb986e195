package dev.facet.contract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.introspection.Introspection;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedSchemaElement;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Cuts one client's schema out of the whole graph: fields whose {@code @servedTo} does not name the client go, the
 * directive itself goes, and so does every type the client can no longer reach (a root type left without fields
 * included). The input must be a schema object used for nothing else: graphql-java's transformer replaces type
 * references in place, so two projections of one object would corrupt each other.
 */
final class SchemaProjection {

    static final String DIRECTIVE = "servedTo";

    private SchemaProjection() {
    }

    static GraphQLSchema project(GraphQLSchema whole, String client) {
        requireMarkedRoots(whole);
        refuseAbstractTypes(whole);
        GraphQLSchema cut = SchemaTransformer.transformSchema(withoutEmptyMutation(whole, client),
                new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                    TraverserContext<GraphQLSchemaElement> context) {
                Optional<List<String>> clients = servedTo(field);
                if (clients.isEmpty()) {
                    return TraversalControl.CONTINUE;
                }
                if (!clients.get().contains(client)) {
                    return deleteNode(context);
                }
                return changeNode(context, field.transform(builder -> builder
                        .replaceDirectives(field.getDirectives().stream()
                                .filter(directive -> !DIRECTIVE.equals(directive.getName())).toList())
                        .replaceAppliedDirectives(field.getAppliedDirectives().stream()
                                .filter(directive -> !DIRECTIVE.equals(directive.getName())).toList())));
            }
        });
        return reachableFromRoots(cut);
    }

    /** graphql-java refuses a schema whose mutation type has no fields, even for a moment while transforming. */
    private static GraphQLSchema withoutEmptyMutation(GraphQLSchema whole, String client) {
        GraphQLObjectType mutation = whole.getMutationType();
        boolean served = mutation != null && mutation.getFieldDefinitions().stream()
                .anyMatch(field -> servedTo(field).map(clients -> clients.contains(client)).orElse(false));
        return mutation == null || served ? whole : whole.transform(builder -> builder.mutation((GraphQLObjectType) null));
    }

    /** Keeps exactly the types the client can reach from its roots; a root type left without fields goes too. */
    private static GraphQLSchema reachableFromRoots(GraphQLSchema cut) {
        GraphQLObjectType mutation = cut.getMutationType();
        GraphQLObjectType servedMutation = mutation == null || mutation.getFieldDefinitions().isEmpty() ? null : mutation;
        Set<String> reachable = reachableTypeNames(cut, servedMutation);
        Set<GraphQLType> kept = cut.getAllTypesAsList().stream()
                .filter(type -> reachable.contains(type.getName()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<GraphQLDirective> directives = cut.getDirectives().stream()
                .filter(SchemaProjection::servedDirective)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return cut.transform(builder -> builder
                .mutation(servedMutation)
                .clearAdditionalTypes()
                .additionalTypes(kept)
                .clearDirectives()
                .additionalDirectives(directives));
    }

    /**
     * The directives a client's schema keeps: those a document may use, and graphql-java's own schema directives.
     * Other schema directives (the marker, SmallRye's bean-validation {@code @constraint}) are applied to nothing
     * the client is served, and would keep the scalars of their arguments in its schema.
     */
    private static boolean servedDirective(GraphQLDirective directive) {
        if (DIRECTIVE.equals(directive.getName())) {
            return false;
        }
        return Set.of("deprecated", "specifiedBy", "oneOf").contains(directive.getName())
                || directive.validLocations().stream().anyMatch(location -> EXECUTABLE.contains(location));
    }

    private static final Set<Introspection.DirectiveLocation> EXECUTABLE = Set.of(
            Introspection.DirectiveLocation.QUERY, Introspection.DirectiveLocation.MUTATION,
            Introspection.DirectiveLocation.SUBSCRIPTION, Introspection.DirectiveLocation.FIELD,
            Introspection.DirectiveLocation.FRAGMENT_DEFINITION, Introspection.DirectiveLocation.FRAGMENT_SPREAD,
            Introspection.DirectiveLocation.INLINE_FRAGMENT, Introspection.DirectiveLocation.VARIABLE_DEFINITION);

    // SmallRye's schema refers to most types by name, so reachability is walked through the schema's type map.
    private static Set<String> reachableTypeNames(GraphQLSchema schema, GraphQLObjectType mutation) {
        Set<String> reachable = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(schema.getQueryType().getName());
        if (mutation != null) {
            pending.add(mutation.getName());
        }
        while (!pending.isEmpty()) {
            String name = pending.poll();
            if (!reachable.add(name)) {
                continue;
            }
            GraphQLType type = schema.getType(name);
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    pending.add(namedTypeOf(field.getType()));
                    field.getArguments().forEach(argument -> pending.add(namedTypeOf(argument.getType())));
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().forEach(field -> pending.add(namedTypeOf(field.getType())));
            }
        }
        return reachable;
    }

    private static String namedTypeOf(GraphQLType type) {
        return ((GraphQLNamedSchemaElement) GraphQLTypeUtil.unwrapAll(type)).getName();
    }

    /** A root field nobody is served would silently vanish from every schema: refuse to start instead. */
    private static void requireMarkedRoots(GraphQLSchema whole) {
        List<String> unmarked = new ArrayList<>();
        for (GraphQLObjectType root : roots(whole)) {
            root.getFieldDefinitions().stream()
                    .filter(field -> servedTo(field).isEmpty())
                    .forEach(field -> unmarked.add(root.getName() + "." + field.getName()));
        }
        if (!unmarked.isEmpty()) {
            throw new IllegalStateException("Root fields without @ServedTo (no client would see them): " + unmarked);
        }
    }

    /**
     * Hiding an interface's or union's members per client was never tried; until it is, a graph with them must
     * not be projected half-right.
     */
    private static void refuseAbstractTypes(GraphQLSchema whole) {
        List<String> abstractTypes = whole.getAllTypesAsList().stream()
                .filter(type -> !Introspection.isIntrospectionTypes(type))
                .filter(type -> type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType)
                .map(GraphQLNamedType::getName)
                .toList();
        if (!abstractTypes.isEmpty()) {
            throw new IllegalStateException("Per-client projection does not support interfaces or unions yet: "
                    + abstractTypes);
        }
    }

    private static List<GraphQLObjectType> roots(GraphQLSchema schema) {
        List<GraphQLObjectType> roots = new ArrayList<>();
        roots.add(schema.getQueryType());
        if (schema.getMutationType() != null) {
            roots.add(schema.getMutationType());
        }
        if (schema.getSubscriptionType() != null) {
            roots.add(schema.getSubscriptionType());
        }
        return roots;
    }

    @SuppressWarnings("deprecation")
    static Optional<List<String>> servedTo(GraphQLFieldDefinition field) {
        GraphQLAppliedDirective applied = field.getAppliedDirective(DIRECTIVE);
        Object value = null;
        if (applied != null && applied.getArgument("value") != null) {
            value = applied.getArgument("value").getValue();
        } else {
            GraphQLDirective legacy = field.getDirective(DIRECTIVE);
            if (legacy != null && legacy.getArgument("value") != null) {
                value = legacy.getArgument("value").getArgumentValue().getValue();
            }
        }
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Iterable<?> names) {
            List<String> clients = new ArrayList<>();
            names.forEach(name -> clients.add(String.valueOf(name)));
            return Optional.of(clients);
        }
        if (value instanceof Object[] names) {
            return Optional.of(java.util.Arrays.stream(names).map(String::valueOf).toList());
        }
        return Optional.of(List.of(String.valueOf(value)));
    }
}
