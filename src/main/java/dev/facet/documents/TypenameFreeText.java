package dev.facet.documents;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * A document as Facet compares it with the registered operations: printed without its plain {@code __typename}
 * selections, and which of its selection sets had one. Apollo Client, urql and Relay add {@code __typename} to the
 * operations they send, so a client sends a registered operation as its text plus such selections; a sent document
 * is that operation when both print the same without them and it keeps every {@code __typename} the registered one
 * has ({@link #admits}). Only a bare {@code __typename} is left out — with an alias, a directive or arguments it is
 * compared like any other field — so no field, alias, directive or argument can ride along.
 * <p>
 * Hand-written because graphql-java parses, transforms and prints documents but has no notion of "the same
 * operation but for {@code __typename}"; one walk of the tree, done once per distinct text (the sent document's in
 * {@link PreparedDocuments}, the registered ones at start-up).
 */
record TypenameFreeText(String printed, BitSet typenames) {

    private static final String TYPENAME = "__typename";

    static TypenameFreeText of(Document document) {
        Walk walk = new Walk();
        List<Definition> definitions = new ArrayList<>(document.getDefinitions().size());
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                SelectionSet stripped = walk.strip(operation.getSelectionSet());
                definitions.add(operation.transform(builder -> builder.selectionSet(stripped)));
            } else if (definition instanceof FragmentDefinition fragment) {
                SelectionSet stripped = walk.strip(fragment.getSelectionSet());
                definitions.add(fragment.transform(builder -> builder.selectionSet(stripped)));
            } else {
                definitions.add(definition);
            }
        }
        return new TypenameFreeText(AstPrinter.printAst(document.transform(builder -> builder.definitions(definitions))),
                walk.typenames);
    }

    /**
     * Whether {@code sent}, printing the same as this registered operation, has a {@code __typename} wherever this
     * one has: it may add some, never leave one out.
     */
    boolean admits(TypenameFreeText sent) {
        if (!printed.equals(sent.printed)) {
            return false;
        }
        BitSet missing = (BitSet) typenames.clone();
        missing.andNot(sent.typenames);
        return missing.isEmpty();
    }

    /** Whether {@code sent} is exactly this operation, not one with {@code __typename}s added. */
    boolean sameAs(TypenameFreeText sent) {
        return printed.equals(sent.printed) && typenames.equals(sent.typenames);
    }

    /**
     * Numbers selection sets in the order it meets them (depth first, in document order): two documents that print
     * the same once stripped meet the same selection sets in the same order, so their numbers line up.
     */
    private static final class Walk {

        private final BitSet typenames = new BitSet();
        private int next;

        SelectionSet strip(SelectionSet set) {
            if (set == null) {
                return null;
            }
            int number = next++;
            List<Selection> kept = new ArrayList<>(set.getSelections().size());
            for (Selection<?> selection : set.getSelections()) {
                if (isBareTypename(selection)) {
                    typenames.set(number);
                } else if (selection instanceof Field field && field.getSelectionSet() != null) {
                    SelectionSet children = strip(field.getSelectionSet());
                    kept.add(field.transform(builder -> builder.selectionSet(children)));
                } else if (selection instanceof InlineFragment inline) {
                    SelectionSet children = strip(inline.getSelectionSet());
                    kept.add(inline.transform(builder -> builder.selectionSet(children)));
                } else {
                    kept.add(selection);
                }
            }
            if (kept.isEmpty()) {
                // nothing but __typename: left as it is, or "a { __typename }" would print as the leaf "a"
                typenames.clear(number);
                return set;
            }
            return set.transform(builder -> builder.selections(kept));
        }

        private static boolean isBareTypename(Selection<?> selection) {
            return selection instanceof Field field && TYPENAME.equals(field.getName()) && field.getAlias() == null
                    && field.getArguments().isEmpty() && field.getDirectives().isEmpty()
                    && field.getSelectionSet() == null;
        }
    }
}
