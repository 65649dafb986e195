package dev.facet.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;

/**
 * A document's fragments, each measured once however often it is spread. Measured before validation, so a
 * fragment that is unknown, or spreads itself, gets {@code none} instead of an endless recursion.
 */
final class Fragments<T> {

    private final Map<String, FragmentDefinition> definitions = new HashMap<>();
    private final Map<String, T> measured = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final T none;

    Fragments(Document document, T none) {
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                definitions.putIfAbsent(fragment.getName(), fragment);
            }
        }
        this.none = none;
    }

    /** The measure of fragment {@code name}, computed by {@code measure} the first time only. */
    T measure(String name, Function<FragmentDefinition, T> measure) {
        T known = measured.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = definitions.get(name);
        if (definition == null || !inProgress.add(name)) {
            return none; // unknown or cyclic: validation refuses the document anyway
        }
        T value = measure.apply(definition);
        inProgress.remove(name);
        measured.put(name, value);
        return value;
    }

    FragmentDefinition definition(String name) {
        return definitions.get(name);
    }
}
