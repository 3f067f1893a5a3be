package dev.orl.trainer.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orl.eval.bench.ProgressBar;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.trainer.metrics.Progress;
import dev.orl.trainer.recipe.StageSpec;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.testing.DigitReward;
import dev.orl.trainer.testing.ListPromptSource;
import dev.orl.trainer.testing.TestRecipes;
import dev.orl.trainer.testing.TinyPolicies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** With {@code logging.progress} on, an RL step draws a generation bar counted in responses and trains the same. */
class RlStepProgressTest {

    private static Map<String, Double> firstStep(Progress progress) {
        StageSpec stage = TestRecipes.rl("{advantage: grpo}", "").recipe().stage("rl");
        Policy policy = TinyPolicies.random(9);
        try (var model = policy.model();
                RewardScorer scorer = new RewardScorer(DigitReward.composite(), 2, Duration.ofSeconds(60));
                RlSession session = RlStepFactory.builtIn().withProgress(progress).open(stage, policy, null, null,
                        new ListPromptSource(DigitReward.prompts(8)), scorer, 4, Perf.DEFAULT_PEAK_FLOPS)) {
            return session.step(1).metrics();
        }
    }

    /** The step's metrics without wall-clock ones, which differ between any two runs. */
    private static Map<String, Double> numerics(Map<String, Double> metrics) {
        Map<String, Double> out = new TreeMap<>(metrics);
        out.keySet().removeIf(k -> k.startsWith("timing_s/") || k.startsWith("perf/"));
        return out;
    }

    @Test
    void generationAdvancesABarOverAllResponsesAndLeavesTheStepUnchanged() {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(drawn, true, StandardCharsets.UTF_8);
        // a frozen clock keeps the rate column fixed, so the line can be compared whole
        Map<String, Double> shown = firstStep((label, total) -> new ProgressBar(label, total, out, false, () -> 0L));
        Map<String, Double> quiet = firstStep(Progress.OFF);

        List<String> lines = drawn.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("gen [########################] 64/64 0.0/s", lines.isEmpty() ? "" : lines.get(lines.size() - 1),
                "8 prompts x 8 samples must fill the bar: " + lines);
        assertEquals(numerics(quiet), numerics(shown), "a progress bar must not change what the step computes");
    }
}
