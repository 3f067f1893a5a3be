package dev.orl.trainer.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.rewards.registry.BasicRewardContext;
import dev.orl.rewards.registry.CompositeReward;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.rewards.registry.RewardSpec;
import dev.orl.rewards.rm.RandomRewardModels;
import dev.orl.trainer.recipe.RolloutSpec;
import dev.orl.trainer.recipe.StageSpec;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.testing.DigitReward;
import dev.orl.trainer.testing.ListPromptSource;
import dev.orl.trainer.testing.TestRecipes;
import dev.orl.trainer.testing.TinyPolicies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RL steps scored by a reward model that batches its rows repeat to the last digit: each step hands the reward model
 * all its samples at once, so which rows share a forward pass never depends on timing.
 */
class RewardModelRepeatabilityTest {

    @TempDir
    Path dir;

    @Test
    void stepsScoredByABatchingRewardModelRepeatToTheLastDigit() throws Exception {
        // d = 128: at this width the rows sharing a pass change a score's last bits, so timing would show.
        Path rm = RandomRewardModels.write(dir.resolve("rm"), 128, 2, 5);
        List<RewardSpec> specs = List.of(
                new RewardSpec("reward_model", 1.0, List.of(), Map.of("path", rm.toString(), "batch_size", 4)),
                new RewardSpec("digit_share", 1.0, List.of(), Map.of()));
        List<Map<String, Double>> first = steps(specs);
        List<Map<String, Double>> second = steps(specs);
        assertTrue(first.get(0).get("reward/reward_model/mean") != null, "the reward model scored: " + first.get(0));
        for (int s = 0; s < first.size(); s++) {
            assertEquals(first.get(s), second.get(s), "step " + (s + 1) + " of two runs from the same seed");
        }
    }

    /** Three steps from a fresh seed-3 policy; metrics without timings, which are the only thing allowed to differ. */
    private static List<Map<String, Double>> steps(List<RewardSpec> specs) {
        CompositeReward reward = RewardRegistry.discover().compose(specs,
                new BasicRewardContext(Path.of("."), List.of()));
        StageSpec stage = TestRecipes.rl("{advantage: grpo}", "").recipe().stage("rl");
        StageSpec small = new StageSpec(stage.kind(), stage.startFrom(), 3, stage.data(), stage.optimizer(),
                stage.rewards(), stage.scoring(), new RolloutSpec(8, 4, 1.0, 1.0, 0, 24, 512), stage.algorithm(),
                stage.updates(), stage.sft(), stage.rm());
        Policy policy = TinyPolicies.random(3);
        List<Map<String, Double>> out = new ArrayList<>();
        try (var model = policy.model(); RewardScorer scorer = new RewardScorer(reward, 8, Duration.ofSeconds(60));
                RlSession session = RlStepFactory.builtIn().open(small, policy, null, null,
                        new ListPromptSource(DigitReward.prompts(8)), scorer, 1, Perf.DEFAULT_PEAK_FLOPS)) {
            for (int s = 1; s <= 3; s++) {
                Map<String, Double> m = new TreeMap<>(session.step(s).metrics());
                m.keySet().removeIf(k -> k.startsWith("timing_s/") || k.startsWith("perf/"));
                out.add(m);
            }
        }
        return out;
    }
}
