package dev.orl.trainer.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.trainer.recipe.KnownAlgorithms;
import dev.orl.trainer.recipe.LoadedRecipe;
import dev.orl.trainer.recipe.RecipeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * recipes/tiny-math-ifeval.yaml, shortened to a few steps per stage, runs end to end with every real part: a reward model
 * trained and then used as a reward, SFT, GRPO scored by the math verifier, and a stage scored by IFEval checks and
 * the reward model, with held-out validation in every policy stage.
 */
@Tag("slow")
class TinyRecipeSmokeTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path run;

    @Test
    void shortenedQuickstartRunsEveryStageAndLogsTheirMetrics() throws Exception {
        List<String> shorter = List.of("stages.rm.steps=4", "stages.sft.steps=6", "stages.stage1.steps=2",
                "stages.stage2.steps=2", "stages.stage1.rollout.prompts_per_step=4", "stages.stage1.rollout.n=4",
                "stages.stage2.rollout.prompts_per_step=4", "stages.stage2.rollout.n=4", "validation.max_prompts=4",
                "validation.n=2", "validation.pass_at_k=[1,2]", "validation.max_new_tokens=32");
        LoadedRecipe recipe = new RecipeLoader(KnownAlgorithms.builtIn(), REPO)
                .load(REPO.resolve("recipes/tiny-math-ifeval.yaml"), shorter);
        new Pipeline(recipe, run, REPO, RewardRegistry.discover()).run();

        for (String stage : List.of("rm", "sft", "stage1", "stage2")) {
            assertTrue(Files.isRegularFile(run.resolve("stages/" + stage + "/final/config.json")),
                    "stage " + stage + " left no final weights");
        }
        Set<String> keys = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode data = json.readTree(line).path("data");
            data.fieldNames().forEachRemaining(keys::add);
        }
        for (String key : List.of("rm/val_pairwise_acc", "sft/loss", "val-core/math/acc/mean@2",
                "val-core/ifeval/pass@2", "val-core/math/acc/greedy", "critic/score/mean", "timing_s/gen",
                "timing_s/reward", "timing_s/old_log_prob", "timing_s/update_actor", "perf/throughput", "perf/mfu",
                "reward/ifeval/mean", "reward/reward_model/mean", "filter/kept_group_ratio")) {
            assertTrue(keys.contains(key), "metrics.jsonl lacks " + key + "; it has " + keys);
        }
        assertTrue(Files.isRegularFile(run.resolve("provenance.json")), "no provenance record");
        assertTrue(Files.isRegularFile(run.resolve("recipe.yaml")), "no resolved recipe");
    }
}
