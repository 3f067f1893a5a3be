package dev.orl.rewards.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One entry of a recipe's {@code rewards:} list: which reward function, its weight in the sum, the data sources it is
 * routed to, and its own options.
 *
 * @param name the provider name, e.g. {@code math_accuracy}
 * @param weight factor of this function's score in the weighted sum; 0 makes it a metric only (logged, not summed)
 * @param dataSources the data sources routed to it; empty means "whatever the function itself says it applies to"
 * @param options the function's own options, handed to its provider (JSON-shaped values)
 */
public record RewardSpec(String name, double weight, List<String> dataSources, Map<String, Object> options) {
    private static final Set<String> KEYS = Set.of("name", "weight", "data_sources", "options");

    public RewardSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("reward name is blank");
        }
        // '/' separates a function from its parts in components and metric names (reward/<name>/<part>/mean)
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("reward name '" + name + "' contains '/', which separates a function"
                    + " from its parts in components and metric names");
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("reward '" + name + "': weight must be finite, got " + weight);
        }
        dataSources = dataSources == null ? List.of() : List.copyOf(dataSources);
        options = withoutNulls(options);
    }

    // YAML "key:" with no value arrives as null, which immutable maps refuse; an absent option means the same.
    private static Map<String, Object> withoutNulls(Map<String, Object> options) {
        if (options == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** A spec with weight 1, no routing restriction and no options. */
    public static RewardSpec of(String name) {
        return new RewardSpec(name, 1.0, List.of(), Map.of());
    }

    /** Whether this function's score enters the weighted sum (a zero weight only logs it). */
    public boolean weighted() {
        return weight != 0.0;
    }

    /**
     * Reads one recipe-style entry: {@code {name: ifeval, weight: 1.0, data_sources: [ifeval], options: {...}}}.
     * Unknown keys are errors naming the key.
     */
    public static RewardSpec fromMap(Map<String, ?> entry) {
        Object name = entry.get("name");
        if (!(name instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("reward entry " + entry + " has no 'name'");
        }
        Set<String> unknown = new TreeSet<>(entry.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "reward '" + text + "': unknown key(s) " + unknown + "; allowed keys are " + new TreeSet<>(KEYS));
        }
        return new RewardSpec(text, weightOf(text, entry.get("weight")), sourcesOf(text, entry.get("data_sources")),
                optionsOf(text, entry.get("options")));
    }

    private static double weightOf(String name, Object value) {
        if (value == null) {
            return 1.0;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("reward '" + name + "': weight '" + value + "' is not a number");
    }

    private static List<String> sourcesOf(String name, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String text)) {
                    throw new IllegalArgumentException("reward '" + name + "': data_sources item '" + item
                            + "' is not a string");
                }
                out.add(text);
            }
            return out;
        }
        throw new IllegalArgumentException("reward '" + name + "': data_sources must be a list of names, got " + value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> optionsOf(String name, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("reward '" + name + "': options must be a map, got " + value);
    }
}
