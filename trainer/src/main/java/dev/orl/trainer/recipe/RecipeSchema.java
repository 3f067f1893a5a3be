package dev.orl.trainer.recipe;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.orl.rewards.registry.DidYouMean;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The shape of a recipe, read from the record types themselves: which keys exist where and what type each holds.
 * Used to reject unknown keys with a suggestion and to type {@code --set} values by their target field.
 */
final class RecipeSchema {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private RecipeSchema() {}

    /** The type at the top of a recipe. */
    static Slot root() {
        return new Slot(Recipe.class);
    }

    /** A recipe key's name for a record component. */
    static String keyOf(RecordComponent component) {
        return SNAKE.translate(component.getName());
    }

    /** Problems for every key in {@code node} that the schema does not know, each with its location. */
    static List<String> unknownKeys(JsonNode node, SourceMap sources) {
        List<String> problems = new ArrayList<>();
        collectUnknown(node, root(), "", sources, problems);
        return problems;
    }

    private static void collectUnknown(JsonNode node, Slot slot, String path, SourceMap sources,
            List<String> problems) {
        if (node == null || node.isNull() || slot.isOpen()) {
            return;
        }
        if (slot.isRecord() && node.isObject()) {
            List<String> keys = slot.keys();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = join(path, e.getKey());
                if (!keys.contains(e.getKey())) {
                    problems.add(sources.where(child) + ": unknown key '" + child + "'"
                            + DidYouMean.hint(e.getKey(), keys));
                } else {
                    collectUnknown(e.getValue(), slot.child(e.getKey()), child, sources, problems);
                }
            }
        } else if (slot.isMap() && node.isObject()) {
            node.fields().forEachRemaining(e -> collectUnknown(e.getValue(), slot.child(e.getKey()),
                    join(path, e.getKey()), sources, problems));
        } else if (slot.isList() && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnknown(node.get(i), slot.child(String.valueOf(i)), join(path, String.valueOf(i)), sources,
                        problems);
            }
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** One position in the type tree. */
    record Slot(Type type) {

        Class<?> raw() {
            return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        }

        boolean isRecord() {
            return raw().isRecord();
        }

        boolean isMap() {
            return Map.class.isAssignableFrom(raw());
        }

        boolean isList() {
            return List.class.isAssignableFrom(raw());
        }

        boolean isOpen() {
            return JsonNode.class.isAssignableFrom(raw());
        }

        boolean isEnum() {
            return raw().isEnum();
        }

        boolean isContainer() {
            return isRecord() || isMap() || isList() || isOpen();
        }

        /** The keys of a record slot, in declaration order. */
        List<String> keys() {
            return Arrays.stream(raw().getRecordComponents()).map(RecipeSchema::keyOf).toList();
        }

        /** The slot under {@code key}; for records {@code key} must be one of {@link #keys()}. */
        Slot child(String key) {
            if (isOpen()) {
                return this;
            }
            if (isRecord()) {
                for (RecordComponent c : raw().getRecordComponents()) {
                    if (keyOf(c).equals(key)) {
                        return new Slot(c.getGenericType());
                    }
                }
                throw new IllegalArgumentException("no key " + key);
            }
            Type[] args = ((ParameterizedType) type).getActualTypeArguments();
            return new Slot(isMap() ? args[1] : args[0]);
        }

        /** The enum's recipe names. */
        List<String> enumNames() {
            return Arrays.stream(raw().getEnumConstants()).map(c -> {
                try {
                    JsonProperty p = raw().getField(((Enum<?>) c).name()).getAnnotation(JsonProperty.class);
                    return p != null ? p.value() : ((Enum<?>) c).name();
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }

        /** What a value of this slot must be, for messages ("an integer", "one of [sft, rm, rl]"). */
        String describe() {
            Class<?> c = raw();
            if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
                return "an integer";
            }
            if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
                return "a number";
            }
            if (c == boolean.class || c == Boolean.class) {
                return "true or false";
            }
            if (c == String.class) {
                return "a string";
            }
            if (isEnum()) {
                return "one of " + enumNames();
            }
            if (isList()) {
                return "a list";
            }
            if (isRecord()) {
                return "a mapping with keys " + String.join(", ", keys());
            }
            return isMap() ? "a mapping" : "a value";
        }
    }
}
