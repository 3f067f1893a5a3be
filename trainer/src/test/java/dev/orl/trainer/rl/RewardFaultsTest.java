package dev.orl.trainer.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.datasets.synthetic.SyntheticDataset;
import dev.orl.datasets.synthetic.SyntheticSplit;
import dev.orl.datasets.synthetic.code.PythonTaskGenerator;
import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.registry.BasicRewardContext;
import dev.orl.rewards.registry.CompositeReward;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.rewards.registry.RewardSpec;
import dev.orl.trainer.recipe.StageSpec;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.testing.DigitReward;
import dev.orl.trainer.testing.ListPromptSource;
import dev.orl.trainer.testing.TestRecipes;
import dev.orl.trainer.testing.TinyPolicies;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Infrastructure failures in the reward stage never stall or poison a run: a reward function that hangs is cut
 * off by its timeout and counted; a sandbox that is down yields ERROR rewards that are counted and left out of the
 * update while the other responses train, and the run goes on to the next step.
 */
class RewardFaultsTest {

    /** Hangs (ignoring interrupts) on prompts whose id ends in "/0"; scores the others like {@link DigitReward}. */
    static final class SometimesHangs implements RewardFunction {
        @Override
        public String name() {
            return "sometimes_hangs";
        }

        @Override
        public boolean appliesTo(String dataSource) {
            return true;
        }

        @Override
        public Reward score(Prompt prompt, Completion completion) {
            if (prompt.id().endsWith("/0")) {
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ignored) {
                        // a badly written verifier: keeps going after the interrupt
                    }
                }
            }
            return new DigitReward().score(prompt, completion);
        }
    }

    @Test
    void hangingRewardIsCutOffByItsTimeoutAndExcluded() {
        CompositeReward reward = new CompositeReward(List.of(new CompositeReward.Part(
                RewardSpec.of("sometimes_hangs"), new SometimesHangs())));
        Map<String, Double> m = oneStepEach(reward, DigitReward.prompts(4), Duration.ofMillis(500), 1).get(0);
        // 4 prompts x 4 samples; the 4 samples of prompt "digits/0" hang
        assertEquals(0.25, m.get("reward/timeout_ratio"), 1e-9, "timeouts must be counted: " + m);
        assertEquals(12.0, m.get("batch/trained_responses"), "timed-out responses must be left out: " + m);
        assertTrue(m.get("timing_s/reward") < 10, "the reward phase must end at the timeout, took "
                + m.get("timing_s/reward") + " s");
    }

    @Test
    void sandboxDownGivesErrorRewardsThatAreCountedExcludedAndTheRunContinues() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        RewardSpec code = new RewardSpec("code_exec", 1.0, List.of("synthetic/python"), Map.of("urls",
                List.of("http://127.0.0.1:" + deadPort), "no_code_block", "whole_response", "deadline_s", 2,
                "max_attempts", 1));
        RewardSpec digits = new RewardSpec("digit_share", 1.0, List.of("synthetic/digits"), Map.of());
        CompositeReward reward = RewardRegistry.discover().compose(List.of(code, digits),
                new BasicRewardContext(Path.of("."), List.of()));
        List<Prompt> prompts = new ArrayList<>(DigitReward.prompts(2));
        new SyntheticDataset(new PythonTaskGenerator(), "synthetic/python", 0, SyntheticSplit.RL, 1, 1).prompts(2)
                .forEach(prompts::add);
        List<Map<String, Double>> steps = oneStepEach(reward, prompts, Duration.ofSeconds(10), 2);
        for (Map<String, Double> m : steps) {
            assertEquals(0.5, m.get("reward/error_ratio"), 1e-9, "the python half must be ERROR: " + m);
            assertEquals(8.0, m.get("batch/trained_responses"), "only the digit half may train: " + m);
            assertEquals(8.0, m.get("batch/trained_responses/synthetic/digits"), "by source: " + m);
            assertEquals(0.0, m.get("batch/trained_responses/synthetic/python"), "by source: " + m);
            assertTrue(m.get("actor/grad_norm") > 0, "the digit half must still update the policy: " + m);
        }
    }

    private static List<Map<String, Double>> oneStepEach(CompositeReward reward, List<Prompt> prompts,
            Duration timeout, int steps) {
        StageSpec stage = TestRecipes.rl("{advantage: grpo}",
                "").recipe().stage("rl");
        StageSpec small = new StageSpec(stage.kind(), stage.startFrom(), steps, stage.data(), stage.optimizer(),
                stage.rewards(), stage.scoring(), new dev.orl.trainer.recipe.RolloutSpec(prompts.size(), 4, 1.0, 1.0,
                        0, 6, 512), stage.algorithm(), stage.updates(), stage.sft(), stage.rm());
        Policy policy = TinyPolicies.random(3);
        List<Map<String, Double>> out = new ArrayList<>();
        try (var model = policy.model(); RewardScorer scorer = new RewardScorer(reward, 4, timeout);
                RlSession session = RlStepFactory.builtIn().open(small, policy, null, null,
                        new ListPromptSource(prompts), scorer, 1, Perf.DEFAULT_PEAK_FLOPS)) {
            for (int s = 1; s <= steps; s++) {
                out.add(session.step(s).metrics());
            }
        }
        return out;
    }
}
