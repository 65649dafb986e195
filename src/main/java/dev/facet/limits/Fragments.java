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
 * A document's fragments, each measured once however often it is spread (or once per context it is measured in,
 * such as the number of parents it is spread under). Measured before validation, so a fragment that is unknown,
 * or spreads itself, gets {@code none} instead of an endless recursion.
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
        return measure(name, name, measure);
    }

    /**
     * The measure of fragment {@code name} in the context {@code key} names (a key no fragment name can be, such as
     * {@code name@parents}), computed by {@code measure} the first time that key is asked for only.
     */
    T measure(String name, String key, Function<FragmentDefinition, T> measure) {
        T known = measured.get(key);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = definitions.get(name);
        if (definition == null || !inProgress.add(name)) {
            return none; // unknown or cyclic: validation refuses the document anyway
        }
        T value;
        try {
            value = measure.apply(definition);
        } finally {
            inProgress.remove(name);
        }
        measured.put(key, value);
        return value;
    }

    FragmentDefinition definition(String name) {
        return definitions.get(name);
    }
}
