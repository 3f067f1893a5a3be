package dev.orl.trainer.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.registry.CompositeReward;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.rewards.registry.RewardSpec;
import dev.orl.trainer.algo.advantage.EstimatorSettings;
import dev.orl.trainer.algo.advantage.GdpoAdvantage;
import dev.orl.trainer.algo.advantage.ScoredResponse;
import dev.orl.trainer.recipe.StageSpec;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.testing.DigitReward;
import dev.orl.model.autograd.ForcedGc;
import dev.orl.trainer.testing.ListPromptSource;
import dev.orl.trainer.testing.TestRecipes;
import dev.orl.trainer.testing.TinyPolicies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RL step's options do what the recipe says: gradient accumulation, KL to the reference, DAPO's filter. */
class RlStepOptionsTest {

    // The scorer timeout is generous on purpose: on a loaded machine a 5 s budget could time out every reward,
    // leave nothing trainable and make these option tests fail for reasons that are not theirs.
    private static Map<String, Double> firstStep(String algorithm, String override, CompositeReward reward) {
        return firstStepResult(algorithm, override, reward).metrics();
    }

    private static RlStep.Result firstStepResult(String algorithm, String override, CompositeReward reward) {
        StageSpec stage = (override.isEmpty() ? TestRecipes.rl(algorithm, "") : TestRecipes.rl(algorithm, "", override))
                .recipe().stage("rl");
        Policy policy = TinyPolicies.random(9);
        try (var model = policy.model(); RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofSeconds(60));
                RlSession session = RlStepFactory.builtIn().open(stage, policy, null, null,
                        new ListPromptSource(DigitReward.prompts(8)), scorer, 4, Perf.DEFAULT_PEAK_FLOPS)) {
            return session.step(1);
        }
    }

    private static double gradNorm(Map<String, Double> step) {
        assertTrue(step.containsKey("actor/grad_norm"), "the step made no update: " + step);
        return step.get("actor/grad_norm");
    }

    @Test
    void microBatchesAccumulateToTheGradientOfTheWholeMiniBatch() {
        double whole = gradNorm(firstStep("{advantage: grpo}", "", DigitReward.composite()));
        double pieces = gradNorm(firstStep("{advantage: grpo}", "stages.rl.updates.micro_batch_tokens=64",
                DigitReward.composite()));
        assertEquals(whole, pieces, 1e-4 * whole, "gradient norm with many micro-batches (" + pieces
                + ") must equal the one-pass norm (" + whole + ")");
    }

    /**
     * The regression test of the intermittent NaN gradient: constants that DJL's {@code mul/div(Number)} put in the
     * graph were freed when a collection fell between forward and backward. Collections all through the step make
     * that certain instead of one run in three.
     */
    @Test
    void gradientIsUnchangedWhenTheGarbageCollectorRunsDuringTheStep() throws Exception {
        String microBatched = "stages.rl.updates.micro_batch_tokens=64";
        double quiet = gradNorm(firstStep("{advantage: grpo}", microBatched, DigitReward.composite()));
        double stormy;
        try (AutoCloseable storm = ForcedGc.storm()) {
            stormy = gradNorm(firstStep("{advantage: grpo}", microBatched, DigitReward.composite()));
        }
        assertEquals(quiet, stormy, 1e-4 * quiet, "gradient norm with garbage collections during the step ("
                + stormy + ") must equal the norm without (" + quiet + ")");
    }

    @Test
    void klInTheLossUsesAFrozenReferenceAndIsLogged() {
        Map<String, Double> m = firstStep("{advantage: grpo, kl: {coef: 0.1, estimator: k3, apply_to: loss}}", "",
                DigitReward.composite());
        assertTrue(m.containsKey("actor/kl_loss"), "actor/kl_loss must be logged when KL is on: " + m.keySet());
        // before any update the policy equals its reference, so the k3 estimate is 0
        assertEquals(0.0, m.get("actor/kl_loss"), 1e-6, "KL to an identical reference must be 0");
        assertTrue(m.containsKey("timing_s/ref"), "the reference pass must be timed");
    }

    @Test
    void klInTheRewardShapesTokenRewards() {
        Map<String, Double> m = firstStep("{advantage: reinforce_pp, kl: {coef: 0.1, apply_to: reward}}", "",
                DigitReward.composite());
        assertTrue(m.containsKey("timing_s/ref") && !m.containsKey("actor/kl_loss"),
                "KL in the reward needs reference log-probs but adds no loss term: " + m.keySet());
    }

    /** Scores 1 on prompts with an even number in their id, whatever the response: all-equal groups. */
    static final class Constant implements RewardFunction {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public boolean appliesTo(String dataSource) {
            return true;
        }

        @Override
        public Reward score(Prompt prompt, Completion completion) {
            int id = Integer.parseInt(prompt.id().substring(prompt.id().indexOf('/') + 1));
            return id % 2 == 0 ? Reward.ok(1.0, Map.of()) : new DigitReward().score(prompt, completion);
        }
    }

    @Test
    void dynamicSamplingDropsGroupsWhoseRewardsAreAllEqual() {
        CompositeReward reward = new CompositeReward(List.of(new CompositeReward.Part(RewardSpec.of("constant"),
                new Constant())));
        Map<String, Double> m = firstStep("{advantage: grpo, dynamic_sampling: {enabled: true, max_rounds: 2}}", "",
                reward);
        assertEquals(0.5, m.get("filter/kept_group_ratio"), 0.13, "about half the groups are all-equal: " + m);
        assertEquals(2.0, m.get("filter/sampling_rounds"), "a second round must fill the batch: " + m);
        assertEquals(64.0, m.get("batch/responses"), "8 kept groups of 8 after two rounds: " + m);
    }

    /** A small score that differs between responses, like a reward model's: never ties. */
    static final class Jitter implements RewardFunction {
        @Override
        public String name() {
            return "jitter";
        }

        @Override
        public boolean appliesTo(String dataSource) {
            return true;
        }

        @Override
        public Reward score(Prompt prompt, Completion completion) {
            return Reward.ok(Math.floorMod(java.util.Arrays.hashCode(completion.responseIds()), 1000) / 1000.0,
                    Map.of());
        }
    }

    @Test
    void gdpoNormalisesEachWeightedRewardOfTheStepOnItsOwn() {
        CompositeReward reward = new CompositeReward(List.of(
                new CompositeReward.Part(RewardSpec.of("digit_share"), new DigitReward()),
                new CompositeReward.Part(new RewardSpec("jitter", 0.1, List.of(), Map.of()), new Jitter())));
        RlStep.Result step = firstStepResult("{advantage: gdpo}", "", reward);
        Map<String, List<RolloutRecord>> byPrompt = new java.util.LinkedHashMap<>();
        step.rollouts().forEach(r -> byPrompt.computeIfAbsent(r.promptId(), k -> new java.util.ArrayList<>()).add(r));
        List<List<ScoredResponse>> channelled = new java.util.ArrayList<>();
        List<List<ScoredResponse>> whole = new java.util.ArrayList<>();
        for (List<RolloutRecord> group : byPrompt.values()) {
            channelled.add(group.stream().map(r -> ScoredResponse.outcome(r.score(), 1).withChannels(Map.of(
                    "digit_share", new ScoredResponse.Channel(r.components().get("digit_share"), 1.0),
                    "jitter", new ScoredResponse.Channel(r.components().get("jitter"), 0.1)))).toList());
            whole.add(group.stream().map(r -> ScoredResponse.outcome(r.score(), 1)).toList());
        }
        GdpoAdvantage gdpo = new GdpoAdvantage(EstimatorSettings.defaults());
        double[] expected = gdpo.estimate(channelled).advantages().stream().mapToDouble(a -> a[0]).toArray();
        double[] ofTheSum = gdpo.estimate(whole).advantages().stream().mapToDouble(a -> a[0]).toArray();
        double[] actual = byPrompt.values().stream().flatMap(List::stream).mapToDouble(RolloutRecord::advantage)
                .toArray();
        assertEquals(64, actual.length, "8 prompts x 8 samples, no filter");
        double apart = 0;
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6, "response " + i + " must be normalised reward by reward");
            apart = Math.max(apart, Math.abs(ofTheSum[i] - actual[i]));
        }
        assertTrue(apart > 0.05, "normalising the weighted sum instead would differ: " + apart);
    }

    @Test
    void dynamicSamplingJudgedByTheListedRewardsIgnoresTheOthersSmallDifferences() {
        CompositeReward reward = new CompositeReward(List.of(
                new CompositeReward.Part(RewardSpec.of("digit_share"), new Constant()),
                new CompositeReward.Part(new RewardSpec("jitter", 0.1, List.of(), Map.of()), new Jitter())));
        Map<String, Double> whole = firstStep("{advantage: grpo, dynamic_sampling: {enabled: true, max_rounds: 2}}",
                "", reward);
        assertEquals(1.0, whole.get("filter/kept_group_ratio"), 1e-9,
                "judged on the whole reward, the jitter keeps every group: " + whole);
        Map<String, Double> judged = firstStep("{advantage: grpo, dynamic_sampling: {enabled: true, max_rounds: 2,"
                + " rewards: [digit_share]}}", "", reward);
        assertEquals(0.5, judged.get("filter/kept_group_ratio"), 0.13,
                "judged on digit_share alone, its all-equal groups go: " + judged);
        assertEquals(2.0, judged.get("filter/sampling_rounds"), "a second round must fill the batch: " + judged);
    }
}
