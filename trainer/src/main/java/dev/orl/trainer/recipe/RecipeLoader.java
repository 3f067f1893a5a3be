package dev.orl.trainer.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orl.rewards.registry.DidYouMean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a recipe: YAML with line tracking, {@code --set} overrides, defaults, unknown-key and type checks, then
 * validation (names, ranges, stage references, files). Any problem fails here, before work starts, with the file,
 * line and key: {@code recipes/x.yaml line 12: unknown key 'stages.s1.rollout.tempreature' (did you mean
 * 'temperature'?)}.
 */
public final class RecipeLoader {

    private final Defaults defaults = Defaults.load();
    private final KnownAlgorithms algorithms;
    private final Path baseDir;

    /**
     * Built-in algorithm names; relative file paths resolve against the working directory (as {@code orl train}
     * resolves data paths).
     */
    public RecipeLoader() {
        this(KnownAlgorithms.builtIn(), Path.of("").toAbsolutePath());
    }

    /** {@code baseDir} is where relative data and checkpoint paths are looked up. */
    public RecipeLoader(KnownAlgorithms algorithms, Path baseDir) {
        this.algorithms = algorithms;
        this.baseDir = baseDir;
    }

    /** Loads {@code file} with {@code overrides} ({@code key=value} each). */
    public LoadedRecipe load(Path file, List<String> overrides) {
        if (!Files.isRegularFile(file)) {
            throw RecipeException.at(new Origin(file.toString(), 0), "recipe file not found");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recipe " + file, e);
        }
    }

    /** Loads recipe text; {@code source} names it in messages and gives the default run name. */
    public LoadedRecipe parse(String yaml, String source, List<String> overrides) {
        SourceMap sources = new SourceMap(new Origin(source, 0));
        ObjectNode tree = defaults.applyTo(overridden(yaml, source, overrides, sources));
        fillNames(tree, source);

        Problems problems = new Problems(sources);
        ObjectNode judged = withoutStages(tree, checkKinds(tree, problems));
        RecipeSchema.unknownKeys(judged, sources).forEach(problems::addRaw);
        checkSectionsMatchKinds(judged, problems);
        problems.throwIfAny();
        Recipe recipe = bind(tree, sources);
        new RecipeValidator(algorithms, baseDir).validate(recipe, problems);
        problems.throwIfAny();
        return new LoadedRecipe(recipe, sources, baseDir);
    }

    /**
     * The recipe as written with {@code overrides} applied, before defaults: for tools that derive a recipe from
     * another (the SFT control) and must see the values the user asked for. Keys and types are checked as by
     * {@link #parse}.
     */
    public ObjectNode withOverrides(String yaml, String source, List<String> overrides) {
        return overridden(yaml, source, overrides, new SourceMap(new Origin(source, 0)));
    }

    private ObjectNode overridden(String yaml, String source, List<String> overrides, SourceMap sources) {
        JsonNode user = LocatedYamlReader.read(yaml, source, sources);
        if (!user.isObject()) {
            throw RecipeException.at(new Origin(source, 1), "a recipe is a mapping of keys, got " + user.getNodeType());
        }
        OverrideApplier applier = new OverrideApplier(defaults, sources);
        for (String assignment : overrides) {
            applier.apply((ObjectNode) user, RecipeOverride.parse(assignment));
        }
        return (ObjectNode) user;
    }

    private static void fillNames(ObjectNode tree, String source) {
        if (tree.path("name").isNull()) {
            String file = Path.of(source).getFileName().toString();
            tree.put("name", file.replaceFirst("\\.[^.]*$", ""));
        }
        if (tree.path("run_dir").isNull()) {
            tree.put("run_dir", "runs/" + tree.get("name").asText());
        }
    }

    /**
     * A stage's kind chooses its defaults and the sections it may have, so a missing or unknown kind is the one
     * problem reported for that stage: without it an rl stage gets no rl defaults and would fail on the first of
     * them ("'rollout.top_p' must be a number, got nothing"). Returns the stages whose kind is wrong.
     */
    private static Set<String> checkKinds(JsonNode tree, Problems problems) {
        List<String> kinds = new RecipeSchema.Slot(StageKind.class).enumNames();
        Set<String> wrong = new LinkedHashSet<>();
        tree.path("stages").fields().forEachRemaining(stage -> {
            if (!stage.getValue().isObject()) {
                return;
            }
            String path = "stages." + stage.getKey() + ".kind";
            JsonNode kind = stage.getValue().path("kind");
            if (kind.isMissingNode() || kind.isNull()) {
                problems.add(path, "is required (one of " + String.join(", ", kinds) + ")");
                wrong.add(stage.getKey());
            } else if (!kind.isTextual() || !kinds.contains(kind.asText())) {
                problems.add(path, "must be one of " + kinds + ", got " + show(kind)
                        + DidYouMean.hint(kind.asText(), kinds));
                wrong.add(stage.getKey());
            }
        });
        return wrong;
    }

    /** {@code tree} without the named stages, for checks that cannot judge them. */
    private static ObjectNode withoutStages(ObjectNode tree, Set<String> names) {
        if (names.isEmpty() || !tree.path("stages").isObject()) {
            return tree;
        }
        ObjectNode copy = tree.deepCopy();
        ((ObjectNode) copy.get("stages")).remove(names);
        return copy;
    }

    /** A section of another kind's stage (rollout in an sft stage) is an error, not silently ignored. */
    private void checkSectionsMatchKinds(JsonNode tree, Problems problems) {
        JsonNode stages = tree.path("stages");
        stages.fields().forEachRemaining(stage -> {
            String kind = stage.getValue().path("kind").asText("");
            if (!defaults.kinds().contains(kind)) {
                return;
            }
            for (String other : defaults.kinds()) {
                if (other.equals(kind)) {
                    continue;
                }
                for (String section : defaults.sectionsOf(other)) {
                    if (!stage.getValue().path(section).isNull() && stage.getValue().has(section)) {
                        problems.add("stages." + stage.getKey() + "." + section, "does not apply to a stage of kind '"
                                + kind + "' (it belongs to " + other + " stages)");
                    }
                }
            }
        });
    }

    private static Recipe bind(JsonNode tree, SourceMap sources) {
        try {
            return RecipeYaml.bind(tree);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            throw RecipeException.at(sources.where(path), "'" + path + "' must be " + expected(path) + ", got "
                    + show(at(tree, path)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot bind recipe tree: " + e.getOriginalMessage(), e);
        }
    }

    private static String expected(String path) {
        RecipeSchema.Slot slot = RecipeSchema.root();
        for (String key : path.split("\\.")) {
            if (key.isEmpty() || (slot.isRecord() && !slot.keys().contains(key))) {
                break;
            }
            slot = slot.child(key);
        }
        return slot.describe();
    }

    private static JsonNode at(JsonNode tree, String path) {
        JsonNode n = tree;
        for (String key : path.split("\\.")) {
            if (!key.isEmpty()) {
                n = n.isArray() ? n.path(Integer.parseInt(key)) : n.path(key);
            }
        }
        return n;
    }

    private static String show(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "nothing (null)";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        return value.isArray() ? "a list" : value.toString();
    }

}
