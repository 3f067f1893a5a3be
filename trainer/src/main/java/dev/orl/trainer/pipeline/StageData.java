package dev.orl.trainer.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.datasets.spec.DataPipeline;
import dev.orl.datasets.spec.DataSpec;
import dev.orl.datasets.spec.DatasetLoader;
import dev.orl.datasets.spec.DatasetSpec;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.registry.BasicRewardContext;
import dev.orl.rewards.registry.CompositeReward;
import dev.orl.rewards.registry.DidYouMean;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.rewards.registry.RewardSpec;
import dev.orl.trainer.recipe.LoadedRecipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a recipe's open sections (data specs, reward lists) into the datasets and rewards modules' objects; a
 * section they reject becomes a recipe error naming the file, line and key, raised before any training starts.
 */
public final class StageData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    private final LoadedRecipe recipe;
    private final Path baseDir;
    private final RewardRegistry rewards;
    private final Path runDir;

    /** {@code runDir} replaces {@code ${run_dir}} in reward options (a reward model trained by an earlier stage). */
    public StageData(LoadedRecipe recipe, Path baseDir, RewardRegistry rewards, Path runDir) {
        this.recipe = recipe;
        this.baseDir = baseDir;
        this.rewards = rewards;
        this.runDir = runDir;
    }

    /** The data spec at {@code path} (e.g. {@code stages.s1.data}). */
    public DataSpec dataSpec(JsonNode node, String path) {
        try {
            return JSON.treeToValue(node, DataSpec.class);
        } catch (Exception e) {
            throw recipe.problemAt(path, "is not a valid data spec: " + rootMessage(e));
        }
    }

    /** The prompt pipeline of the data spec at {@code path}. */
    public DataPipeline pipeline(JsonNode node, String path) {
        return new DataPipeline(dataSpec(node, path), DatasetLoader.builtIn(baseDir), path);
    }

    /** Every prompt of every source of the data spec at {@code path}, in file order. */
    public List<Prompt> allPrompts(JsonNode node, String path) {
        DataSpec spec = dataSpec(node, path);
        DatasetLoader loader = DatasetLoader.builtIn(baseDir);
        List<Prompt> out = new ArrayList<>();
        for (int i = 0; i < spec.sources().size(); i++) {
            DatasetSpec source = spec.sources().get(i);
            String at = path + ".sources." + i;
            try {
                out.addAll(loader.load(source, at).prompts());
            } catch (RuntimeException e) {
                throw recipe.problemAt(at, rootMessage(e));
            }
        }
        return out;
    }

    /**
     * Checks the reward list at {@code path} before any training: every entry's keys, types, name and options (a
     * reward model is not loaded, since an earlier stage of the same run may train it), and every name in its
     * {@code data_sources} against {@code sources}, the data sources of the prompts it judges, so that a mistyped
     * one fails here instead of leaving every prompt unjudged.
     */
    public void checkRewards(List<JsonNode> specs, String path, Set<String> sources) {
        for (int i = 0; i < specs.size(); i++) {
            RewardSpec spec;
            try {
                spec = rewards.check(entry(specs.get(i)), context());
            } catch (RuntimeException e) {
                throw recipe.problemAt(path + "." + i, rootMessage(e));
            }
            for (String routed : spec.dataSources()) {
                if (!sources.contains(routed)) {
                    throw recipe.problemAt(path + "." + i + ".data_sources", "names '" + routed + "', a data source"
                            + " none of these prompts has" + DidYouMean.hint(routed, sources) + " (they have: "
                            + String.join(", ", new TreeSet<>(sources)) + ")");
                }
            }
        }
    }

    /** The data sources of {@code prompts}: the names reward lists route by. */
    public static Set<String> sources(List<Prompt> prompts) {
        Set<String> out = new LinkedHashSet<>();
        prompts.forEach(p -> out.add(p.dataSource()));
        return out;
    }

    /** The weighted, routed combination of the reward list at {@code path}. */
    public CompositeReward rewards(List<JsonNode> specs, String path) {
        try {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (JsonNode spec : specs) {
                entries.add(entry(spec));
            }
            return rewards.composeFromConfig(entries, context());
        } catch (RuntimeException e) {
            throw recipe.problemAt(path, rootMessage(e));
        }
    }

    private BasicRewardContext context() {
        return new BasicRewardContext(baseDir, List.of());
    }

    private Map<String, Object> entry(JsonNode spec) {
        String text = spec.toString().replace("${run_dir}", runDir.toAbsolutePath().toString().replace("\\", "/"));
        Matcher left = PLACEHOLDER.matcher(text);
        if (left.find()) {
            throw new IllegalArgumentException(left.group().equals("${sandbox_url}")
                    ? "'${sandbox_url}' is filled in only by 'orl quickstart', with the URL of the sandbox it starts;"
                            + " under 'orl train' put the URL of a server started with 'orl sandbox serve' in its place"
                    : "'" + left.group() + "' is no placeholder orl fills in (only ${run_dir} is)");
        }
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("reward entry is not a mapping: " + spec, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.toString() : m.lines().findFirst().orElse(m);
    }
}
