package dev.facet.limits;

import java.util.List;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How deep, wide and decorated one operation of a document is, fragments expanded. Measured before validation,
 * so it must survive what validation would refuse: a fragment that spreads itself counts nothing more, and counts that
 * fragments multiply (a fragment spread twice in a fragment spread twice…) saturate instead of overflowing.
 */
public record DocumentShape(long depth, long aliases, long rootFields, long directives) {

    /** The shape of the operation that will run, or null when the document does not say which (validation will). */
    public static DocumentShape of(Document document, String operationName) {
        OperationDefinition operation = operation(document, operationName);
        if (operation == null) {
            return null;
        }
        Measure measure = new Measure(document);
        Part top = measure.selections(operation.getSelectionSet());
        return new DocumentShape(top.depth, top.aliases, measure.rootFields(operation.getSelectionSet()),
                add(top.directives, operation.getDirectives().size()));
    }

    /** The operation named {@code operationName}, or the only one when no name is given; else null. */
    public static OperationDefinition operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(operation -> operationName.equals(operation.getName())).findFirst()
                .orElse(null);
    }

    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    static long times(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private record Part(long depth, long aliases, long directives) {
        static final Part NONE = new Part(0, 0, 0);

        Part with(Part other) {
            return new Part(Math.max(depth, other.depth), add(aliases, other.aliases),
                    add(directives, other.directives));
        }
    }

    private static final class Measure {
        private final Fragments<Part> fragments;
        private final Fragments<Long> roots;

        Measure(Document document) {
            this.fragments = new Fragments<>(document, Part.NONE);
            this.roots = new Fragments<>(document, 0L);
        }

        Part selections(SelectionSet set) {
            Part part = Part.NONE;
            if (set == null) {
                return part;
            }
            for (Selection<?> selection : set.getSelections()) {
                part = part.with(selection(selection));
            }
            return part;
        }

        private Part selection(Selection<?> selection) {
            if (selection instanceof Field field) {
                Part below = field.getName().startsWith("__") ? Part.NONE : selections(field.getSelectionSet());
                return new Part(add(below.depth, 1), add(below.aliases, field.getAlias() == null ? 0 : 1),
                        add(below.directives, field.getDirectives().size()));
            }
            if (selection instanceof InlineFragment inline) {
                Part inside = selections(inline.getSelectionSet());
                return new Part(inside.depth, inside.aliases, add(inside.directives, inline.getDirectives().size()));
            }
            FragmentSpread spread = (FragmentSpread) selection;
            Part inside = fragment(spread.getName());
            return new Part(inside.depth, inside.aliases, add(inside.directives, spread.getDirectives().size()));
        }

        private Part fragment(String name) {
            return fragments.measure(name, definition -> {
                Part inside = selections(definition.getSelectionSet());
                return new Part(inside.depth, inside.aliases, add(inside.directives,
                        definition.getDirectives().size()));
            });
        }

        long rootFields(SelectionSet set) {
            long count = 0;
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field) {
                    count = add(count, 1);
                } else if (selection instanceof InlineFragment inline) {
                    count = add(count, rootFields(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    // once per fragment, however often it is spread: a fragment spread twice in a fragment spread
                    // twice… would otherwise be walked 2^n times before it is refused
                    count = add(count, roots.measure(spread.getName(),
                            definition -> rootFields(definition.getSelectionSet())));
                }
            }
            return count;
        }
    }
}
