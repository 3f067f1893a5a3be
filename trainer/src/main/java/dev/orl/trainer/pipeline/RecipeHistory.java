package dev.orl.trainer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Keeps a run directory's {@code recipe.yaml} honest across restarts: a run resumed or extended with a different
 * recipe keeps the earlier one as {@code recipe.previous-N.yaml} and says which keys changed, so the file never
 * claims that steps already trained used settings they did not.
 */
final class RecipeHistory {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RecipeHistory() {}

    /** A recipe that differs from the one before: the changed keys (dotted paths) and where the earlier one went. */
    record Change(List<String> keys, Path previous) {}

    /**
     * Compares {@code resolvedYaml} with the recipe already in {@code file}; when they differ, moves the earlier one
     * aside. Writing the new recipe is the caller's.
     */
    static Optional<Change> keepPrevious(Path file, String resolvedYaml) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String before = Files.readString(file, StandardCharsets.UTF_8);
        if (before.equals(resolvedYaml)) {
            return Optional.empty();
        }
        TreeSet<String> changed = new TreeSet<>();
        diff("", YAML.readTree(before), YAML.readTree(resolvedYaml), changed);
        Path previous;
        int n = 1;
        do {
            previous = file.resolveSibling("recipe.previous-" + n++ + ".yaml");
        } while (Files.exists(previous));
        Files.move(file, previous);
        return Optional.of(new Change(changed.isEmpty() ? List.of("(formatting only)") : List.copyOf(changed),
                previous));
    }

    private static void diff(String at, JsonNode a, JsonNode b, TreeSet<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(at.isEmpty() ? key : at + "." + key, a.get(key), b.get(key), out);
            }
            return;
        }
        if (a == null || b == null || !a.equals(b)) {
            out.add(at.isEmpty() ? "(the whole recipe)" : at);
        }
    }
}
