package dev.facet.observability;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The schema coordinates ({@code Type.field}) an operation selects, read from its syntax tree once per remembered
 * document. Counted as asked for: a field under {@code @skip} or {@code @include} counts whatever the variables say,
 * and a field selected through an interface counts as the interface's. Introspection fields ({@code __typename},
 * {@code __schema}) are not the schema's and are left out.
 */
final class FieldUsage {

    private FieldUsage() {
    }

    /** The fields {@code operation} of {@code document} selects in {@code schema}; empty when it selects none known. */
    static Set<String> coordinates(GraphQLSchema schema, Document document, OperationDefinition operation) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, fragment -> fragment, (a, b) -> a));
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        Set<String> fields = new LinkedHashSet<>();
        if (root != null) {
            collect(schema, root, operation.getSelectionSet(), fragments, fields, new LinkedHashSet<>());
        }
        return fields;
    }

    private static void collect(GraphQLSchema schema, GraphQLFieldsContainer parent, SelectionSet selections,
            Map<String, FragmentDefinition> fragments, Set<String> fields, Set<String> visiting) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().startsWith("__")) {
                    continue;
                }
                GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
                if (definition == null) {
                    continue; // validation refuses such a document before it runs
                }
                fields.add(parent.getName() + "." + field.getName());
                GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
                if (type instanceof GraphQLFieldsContainer container) {
                    collect(schema, container, field.getSelectionSet(), fragments, fields, visiting);
                }
            } else if (selection instanceof InlineFragment inline) {
                collect(schema, on(schema, parent, inline.getTypeCondition() == null ? null
                        : inline.getTypeCondition().getName()), inline.getSelectionSet(), fragments, fields, visiting);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                // a fragment that spreads itself is invalid; never loop on one
                if (fragment != null && visiting.add(spread.getName())) {
                    collect(schema, on(schema, parent, fragment.getTypeCondition().getName()),
                            fragment.getSelectionSet(), fragments, fields, visiting);
                    visiting.remove(spread.getName());
                }
            }
        }
    }

    /** The type a fragment's fields belong to: its type condition when that has fields, else the enclosing type. */
    private static GraphQLFieldsContainer on(GraphQLSchema schema, GraphQLFieldsContainer parent, String condition) {
        if (condition == null) {
            return parent;
        }
        GraphQLType type = schema.getType(condition);
        return type instanceof GraphQLFieldsContainer container ? container : parent;
    }
}
