package dev.orl.trainer.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orl.rewards.registry.DidYouMean;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@code --set} overrides to a recipe's tree before defaults are merged: walks the key through the schema
 * (unknown keys are errors with a suggestion), creates missing sections, and converts the value to the type of the
 * field it lands in ({@code --set seed=abc} is an error, {@code --set name=123} stays a string).
 */
final class OverrideApplier {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Defaults defaults;
    private final SourceMap sources;

    OverrideApplier(Defaults defaults, SourceMap sources) {
        this.defaults = defaults;
        this.sources = sources;
    }

    void apply(ObjectNode root, RecipeOverride o) {
        List<String> segments = o.segments();
        RecipeSchema.Slot slot = RecipeSchema.root();
        JsonNode node = root;
        String path = "";
        for (int i = 0; i < segments.size(); i++) {
            String key = segments.get(i);
            String child = RecipeSchema.join(path, key);
            RecipeSchema.Slot childSlot = step(slot, node, key, child, o);
            if (i == segments.size() - 1) {
                set(node, key, convert(o, childSlot));
                sources.replace(child, o.origin());
                return;
            }
            JsonNode next = get(node, key);
            if (next == null || !next.isContainerNode()) {
                next = freshContainer(childSlot, child, root, segments.get(i + 1));
                set(node, key, next);
            }
            slot = childSlot;
            node = next;
            path = child;
        }
    }

    private RecipeSchema.Slot step(RecipeSchema.Slot slot, JsonNode node, String key, String child, RecipeOverride o) {
        if (slot.isOpen()) {
            return slot;
        }
        if (slot.isRecord()) {
            if (!slot.keys().contains(key)) {
                throw RecipeException.at(o.origin(), "unknown key '" + child + "'" + DidYouMean.hint(key, slot.keys()));
            }
            return slot.child(key);
        }
        if (slot.isMap()) {
            RecipeSchema.Slot value = slot.child(key);
            if (value.isRecord() && !node.has(key)) {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                throw RecipeException.at(o.origin(), "no entry '" + key + "' in '" + child.substring(0,
                        child.length() - key.length() - 1) + "' (it has: " + String.join(", ", names) + ")"
                        + DidYouMean.hint(key, names));
            }
            return value;
        }
        if (slot.isList()) {
            int index = parseIndex(key, o);
            if (index > node.size()) {
                throw RecipeException.at(o.origin(), "index " + index + " is past the end of '"
                        + child.substring(0, child.lastIndexOf('.')) + "' (size " + node.size() + ")");
            }
            return slot.child(key);
        }
        throw RecipeException.at(o.origin(), "'" + child.substring(0, child.lastIndexOf('.')) + "' is "
                + slot.describe() + "; it has no key '" + key + "'");
    }

    private JsonNode freshContainer(RecipeSchema.Slot slot, String path, ObjectNode root, String nextKey) {
        JsonNode seed = defaults.at(path, root);
        if (seed != null && seed.isContainerNode()) {
            // A list item can only be replaced in a full list: start from the default one.
            return seed.deepCopy();
        }
        boolean list = slot.isList() || (slot.isOpen() && nextKey.chars().allMatch(Character::isDigit));
        return list ? NODES.arrayNode() : NODES.objectNode();
    }

    private static JsonNode get(JsonNode node, String key) {
        return node.isArray() ? node.get(Integer.parseInt(key)) : node.get(key);
    }

    private static void set(JsonNode container, String key, JsonNode value) {
        if (container instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else {
            ((ObjectNode) container).set(key, value);
        }
    }

    private static int parseIndex(String key, RecipeOverride o) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw RecipeException.at(o.origin(), "'" + key + "' is not a list index in '" + o.path() + "'");
        }
    }

    private static JsonNode convert(RecipeOverride o, RecipeSchema.Slot slot) {
        String v = o.value();
        if (v.equals("null") || v.equals("~")) {
            return NODES.nullNode();
        }
        Class<?> c = slot.raw();
        try {
            if (c == int.class || c == Integer.class) {
                return NODES.numberNode(Integer.parseInt(v));
            }
            if (c == long.class || c == Long.class) {
                return NODES.numberNode(Long.parseLong(v));
            }
            if (c == double.class || c == Double.class) {
                return NODES.numberNode(Double.parseDouble(v));
            }
        } catch (NumberFormatException e) {
            throw mismatch(o, slot);
        }
        if (c == boolean.class || c == Boolean.class) {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw mismatch(o, slot);
            }
            return NODES.booleanNode(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
        }
        if (c == String.class) {
            return NODES.textNode(v);
        }
        if (slot.isEnum()) {
            if (!slot.enumNames().contains(v)) {
                throw RecipeException.at(o.origin(), "'" + o.path() + "' must be " + slot.describe() + ", got '" + v
                        + "'" + DidYouMean.hint(v, slot.enumNames()));
            }
            return NODES.textNode(v);
        }
        // Lists, sections and open specs take YAML: --set validation.pass_at_k=[1,4]
        return LocatedYamlReader.read(v, o.origin().source(), new SourceMap(o.origin()));
    }

    private static RecipeException mismatch(RecipeOverride o, RecipeSchema.Slot slot) {
        return RecipeException.at(o.origin(), "'" + o.path() + "' must be " + slot.describe() + ", got '" + o.value()
                + "'");
    }
}
