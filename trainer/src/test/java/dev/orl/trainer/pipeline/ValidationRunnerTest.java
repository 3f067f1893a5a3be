package dev.orl.trainer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orl.eval.bench.ProgressBar;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.trainer.recipe.ValidationSpec;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.testing.DigitReward;
import dev.orl.trainer.testing.TinyPolicies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validation: pass@k is the unbiased estimator 1 − C(n−c, k)/C(n, k) averaged over prompts, and its progress bar
 * counts every response it generates.
 */
class ValidationRunnerTest {

    @Test
    void passAtKMatchesHandComputedValues() {
        // prompt 1: 1 of 4 correct; prompt 2: none; prompt 3: all
        boolean[] correct = {true, false, false, false, false, false, false, false, true, true, true, true};
        // pass@1 = mean(1/4, 0, 1); pass@2 = mean(1 - C(3,2)/C(4,2) = 1/2, 0, 1)
        assertEquals((0.25 + 0 + 1) / 3, ValidationRunner.passAtK(correct, 4, 1), 1e-12, "pass@1");
        assertEquals((0.5 + 0 + 1) / 3, ValidationRunner.passAtK(correct, 4, 2), 1e-12, "pass@2");
        assertEquals((1.0 + 0 + 1) / 3, ValidationRunner.passAtK(correct, 4, 4), 1e-12, "pass@4");
    }

    @Test
    void progressCountsEveryResponseOfEverySet() {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(drawn, true, StandardCharsets.UTF_8);
        ValidationSpec spec = new ValidationSpec(null, 0, false, 2, true, 0.6, 1.0, 0, 4, List.of(1), null);
        Policy policy = TinyPolicies.random(1);
        List<ValidationRunner.Set> sets = List.of("a", "b").stream().map(name -> new ValidationRunner.Set(name,
                DigitReward.prompts(3), new RewardScorer(DigitReward.composite(), 2, Duration.ofSeconds(60)))).toList();
        try (var model = policy.model();
                ValidationRunner runner = new ValidationRunner(spec, sets, 7,
                        (label, total) -> new ProgressBar(label, total, out, false, () -> 0L))) {
            runner.run(policy, 4);
        }
        List<String> lines = drawn.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("val [########################] 18/18 0.0/s", lines.isEmpty() ? "" : lines.get(lines.size() - 1),
                "2 sets x 3 prompts x (1 greedy + 2 samples) must fill the bar: " + lines);
    }
}
