package dev.orl.trainer.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.orl.trainer.recipe.KnownAlgorithms;
import dev.orl.trainer.recipe.LoadedRecipe;
import dev.orl.trainer.recipe.RecipeLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The recipe text {@code orl quickstart} runs: the embedded small pipeline or a recipe file, with
 * {@code ${sandbox_url}} filled in by the sandbox the command started, and optionally turned into the SFT control.
 */
public final class QuickstartRecipe {

    /** The classpath resource holding the default (small) pipeline. */
    public static final String RESOURCE = "/dev/orl/trainer/quickstart/quickstart.yaml";
    /** The placeholder that {@link #withSandbox} replaces by the sandbox server's URL. */
    public static final String SANDBOX_URL = "${sandbox_url}";

    private static final YAMLMapper YAML = new YAMLMapper();

    private final String text;
    private final String source;

    private QuickstartRecipe(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** The embedded quickstart pipeline (works from a fresh clone: synthetic data only). */
    public static QuickstartRecipe embedded() {
        try (InputStream in = QuickstartRecipe.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the quickstart recipe " + RESOURCE + " is missing from the classpath");
            }
            return new QuickstartRecipe(new String(in.readAllBytes(), StandardCharsets.UTF_8), "quickstart.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recipe file, e.g. {@code recipes/qwq-tiny.yaml}. */
    public static QuickstartRecipe of(Path file) throws IOException {
        return new QuickstartRecipe(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The recipe text as it will be parsed. */
    public String text() {
        return text;
    }

    /** Whether some reward needs a sandbox server's URL. */
    public boolean needsSandbox() {
        return text.contains(SANDBOX_URL);
    }

    /** This recipe with every {@code ${sandbox_url}} replaced by {@code url}. */
    public QuickstartRecipe withSandbox(URI url) {
        return new QuickstartRecipe(text.replace(SANDBOX_URL, url.toString()), source);
    }

    /**
     * This recipe with {@code overrides} ({@code key=value} each) written into its text, so that a recipe derived
     * from it ({@link #sftControl}) sees them. Unknown keys and wrong types fail as they do at load time.
     */
    public QuickstartRecipe withOverrides(Path baseDir, List<String> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        ObjectNode tree = new RecipeLoader(KnownAlgorithms.builtIn(), baseDir).withOverrides(text, source, overrides);
        try {
            return new QuickstartRecipe(YAML.writeValueAsString(tree), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The SFT control: the cold start of {@code coldStartRun} (its first {@code sft} stage's final weights)
     * continued by SFT on the same demonstrations for as many optimizer steps as the first RL stage takes (steps x
     * PPO epochs x mini-batches per step), at the
     * cold start's final learning rate and with early stopping off, validated on the same sets. Reward-model and
     * RL stages are dropped, so any gain over the cold start is what more supervised training buys.
     */
    public QuickstartRecipe sftControl(Path coldStartRun) {
        try {
            ObjectNode root = (ObjectNode) YAML.readTree(text);
            JsonNode stages = root.path("stages");
            String sftName = firstOfKind(stages, "sft");
            String rlName = firstOfKind(stages, "rl");
            if (sftName == null || rlName == null) {
                throw new IllegalArgumentException(source + ": an SFT control needs an sft stage and an rl stage");
            }
            Path weights = coldStartRun.toAbsolutePath().resolve("stages").resolve(sftName).resolve("final");
            if (!Files.isRegularFile(weights.resolve("config.json"))) {
                throw new IllegalArgumentException("no finished cold start in " + coldStartRun + " (expected "
                        + weights + "); run the pipeline first");
            }
            ObjectNode control = ((ObjectNode) stages.get(sftName)).deepCopy();
            control.put("steps", optimizerSteps(stages.get(rlName)));
            control.put("start_from", "model");
            ObjectNode optimizer = control.with("optimizer");
            double ratio = optimizer.path("min_lr_ratio").asDouble(0.0);
            if (optimizer.path("schedule").asText("constant").equals("cosine") && ratio > 0) {
                optimizer.put("lr", optimizer.path("lr").asDouble() * ratio);
            }
            optimizer.put("schedule", "constant");
            optimizer.put("warmup_steps", 0);
            optimizer.remove("min_lr_ratio");
            control.with("sft").with("early_stop").put("patience", 0);
            ObjectNode model = root.putObject("model");
            model.put("checkpoint", weights.toString());
            String name = root.path("name").asText(baseName(source));
            root.put("name", name + "-sft-control");
            root.remove("run_dir");
            root.putObject("stages").set(sftName + "_control", control);
            return new QuickstartRecipe(YAML.writeValueAsString(root), source + " (SFT control)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + " as YAML", e);
        }
    }

    /** Optimizer steps an RL stage takes: each step updates once per mini-batch of prompts, per PPO epoch. */
    static int optimizerSteps(JsonNode rl) {
        int prompts = rl.path("rollout").path("prompts_per_step").asInt(1);
        int miniBatch = rl.path("updates").path("mini_batch_size").asInt(prompts);
        int epochs = rl.path("updates").path("ppo_epochs").asInt(1);
        int perStep = (prompts + Math.max(1, miniBatch) - 1) / Math.max(1, miniBatch);
        return rl.path("steps").asInt() * epochs * perStep;
    }

    /** Parses the recipe; relative paths resolve against {@code baseDir}. */
    public LoadedRecipe load(Path baseDir, List<String> overrides) {
        return new RecipeLoader(KnownAlgorithms.builtIn(), baseDir).parse(text, source, overrides);
    }

    private static String firstOfKind(JsonNode stages, String kind) {
        for (Iterator<Map.Entry<String, JsonNode>> it = stages.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (kind.equals(e.getValue().path("kind").asText())) {
                return e.getKey();
            }
        }
        return null;
    }

    private static String baseName(String source) {
        String file = Path.of(source).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
