package dev.orl.trainer.rl;

import dev.orl.datasets.PromptSource;
import dev.orl.model.heads.ValueHead;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.sampling.SamplingParams;
import dev.orl.trainer.algo.advantage.AdvantageEstimator;
import dev.orl.trainer.algo.shaping.OverlongPenalty;
import dev.orl.trainer.metrics.Progress;
import dev.orl.trainer.recipe.AlgorithmSpec;
import dev.orl.trainer.recipe.RolloutSpec;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.rollout.RolloutEngine;

/**
 * Everything an {@link RlStep} works with, assembled once per stage by {@link RlStepFactory}.
 *
 * @param valueHead the critic's head (GAE only), else null
 * @param reference the frozen reference model (KL on only), else null
 * @param seed the stage's base seed; sampling seeds derive from it and the step
 * @param progress the bars of the step's long phases (recipe key {@code logging.progress})
 */
record RlParts(RolloutSpec rollout, AlgorithmSpec algorithm, Policy policy, ValueHead valueHead, Qwen2Model reference,
        RolloutEngine engine, RetryingScorer scorer, PromptSource source, AdvantageEstimator estimator,
        OverlongPenalty overlong, long seed, int updateEpochs, Perf perf, NoGradPasses passes, PpoUpdate update,
        ResponseChecks checks, Progress progress) {

    /** Sampling parameters of round {@code round} of step {@code step}: the seed is a pure function of both. */
    SamplingParams samplingParams(long step, int round) {
        long base = seed * 1_000_003L + step * 1_000_000L + round * 100_000L;
        boolean greedy = rollout.temperature() == 0;
        return new SamplingParams(greedy ? 1.0 : rollout.temperature(), rollout.topK(), rollout.topP(), greedy,
                rollout.maxNewTokens(), policy.stopIds(), java.util.List.of(), base);
    }
}
