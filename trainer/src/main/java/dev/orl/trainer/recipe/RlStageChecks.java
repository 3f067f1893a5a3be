package dev.orl.trainer.recipe;

import dev.orl.rewards.registry.DidYouMean;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The checks specific to an {@code rl} stage: sampling, algorithm names and knobs, update sizes. */
final class RlStageChecks {

    private final KnownAlgorithms algorithms;

    RlStageChecks(KnownAlgorithms algorithms) {
        this.algorithms = algorithms;
    }

    void check(StageSpec s, String at, Problems p) {
        p.require(s.steps() != null, at + ".steps", "is required for an rl stage");
        p.require(!s.rewards().isEmpty(), at + ".rewards", "must name at least one reward function");
        p.require(s.scoring().concurrency() >= 1, at + ".scoring.concurrency", "must be >= 1");
        p.require(s.scoring().timeoutS() > 0, at + ".scoring.timeout_s", "must be > 0");
        p.require(s.scoring().retries() >= 0, at + ".scoring.retries", "must be >= 0");
        rollout(s.rollout(), at + ".rollout", p);
        algorithm(s, at, p);
        UpdatesSpec u = s.updates();
        p.require(u.ppoEpochs() >= 1, at + ".updates.ppo_epochs", "must be >= 1");
        p.require(u.miniBatchSize() == null || (u.miniBatchSize() >= 1
                && u.miniBatchSize() <= s.rollout().promptsPerStep()), at + ".updates.mini_batch_size",
                "must be between 1 and rollout.prompts_per_step = " + s.rollout().promptsPerStep() + ", got "
                        + u.miniBatchSize());
        p.require(u.microBatchTokens() >= 1, at + ".updates.micro_batch_tokens", "must be >= 1");
    }

    private static void rollout(RolloutSpec r, String at, Problems p) {
        p.require(r.promptsPerStep() >= 1, at + ".prompts_per_step", "must be >= 1");
        p.require(r.n() >= 1, at + ".n", "must be >= 1");
        p.require(r.temperature() >= 0, at + ".temperature", "must be >= 0");
        p.require(r.topP() > 0 && r.topP() <= 1, at + ".top_p", "must be in (0, 1], got " + r.topP());
        p.require(r.topK() >= 0, at + ".top_k", "must be >= 0 (0 = off)");
        p.require(r.maxNewTokens() >= 1, at + ".max_new_tokens", "must be >= 1");
        p.require(r.maxPromptTokens() >= 1, at + ".max_prompt_tokens", "must be >= 1");
    }

    private void algorithm(StageSpec s, String stageAt, Problems p) {
        AlgorithmSpec a = s.algorithm();
        String at = stageAt + ".algorithm";
        name(a.advantage(), algorithms.advantages().keySet(), at + ".advantage", "advantage estimator", p);
        name(a.policyLoss(), algorithms.policyLosses(), at + ".policy_loss", "policy loss", p);
        name(a.lossAgg(), algorithms.lossAggregations(), at + ".loss_agg", "loss aggregation", p);
        name(a.kl().estimator(), algorithms.klEstimators(), at + ".kl.estimator", "KL estimator", p);
        int minGroup = algorithms.advantages().getOrDefault(a.advantage(), 1);
        p.require(s.rollout().n() >= minGroup, stageAt + ".rollout.n", "must be >= " + minGroup + " for "
                + a.advantage() + " (a group needs a baseline), got " + s.rollout().n());
        p.require(a.gamma() >= 0 && a.gamma() <= 1, at + ".gamma", "must be in [0, 1], got " + a.gamma());
        p.require(a.lam() >= 0 && a.lam() <= 1, at + ".lam", "must be in [0, 1], got " + a.lam());
        p.require(a.clipRatioLow() >= 0 && a.clipRatioLow() < 1, at + ".clip_ratio_low", "must be in [0, 1), got "
                + a.clipRatioLow());
        p.require(a.clipRatioHigh() >= 0, at + ".clip_ratio_high", "must be >= 0, got " + a.clipRatioHigh());
        p.require(a.clipRatioC() > 1, at + ".clip_ratio_c", "must be > 1 (use .inf to turn dual clip off), got "
                + a.clipRatioC());
        p.require(a.lossAggNormLength() == null || a.lossAggNormLength() >= 1, at + ".loss_agg_norm_length",
                "must be >= 1");
        p.require(a.kl().coef() >= 0, at + ".kl.coef", "must be >= 0 (0 = off)");
        p.require(a.kl().applyTo() != null, at + ".kl.apply_to", "must be loss or reward");
        p.require(!"gdpo".equals(a.advantage()) || a.kl().coef() == 0 || a.kl().applyTo() != AlgorithmSpec.Kl.Target.REWARD,
                at + ".kl.apply_to", "must be loss with advantage gdpo, which normalises the reward's parts one by one"
                        + " and has no place for a per-token KL penalty in the reward");
        p.require(a.entropyCoef() >= 0, at + ".entropy_coef", "must be >= 0");
        p.require(a.dynamicSampling().maxRounds() >= 1, at + ".dynamic_sampling.max_rounds", "must be >= 1");
        List<String> rewardNames = s.rewards().stream().map(r -> r.path("name").asText(null))
                .filter(Objects::nonNull).toList();
        for (String listed : a.dynamicSampling().rewards()) {
            p.require(rewardNames.contains(listed), at + ".dynamic_sampling.rewards", "names no reward of this stage: '"
                    + listed + "'" + DidYouMean.hint(listed, rewardNames) + " (the stage's rewards: "
                    + String.join(", ", rewardNames) + ")");
        }
        p.require(a.overlong().buffer() >= 0 && a.overlong().buffer() <= s.rollout().maxNewTokens(),
                at + ".overlong.buffer", "must be between 0 and rollout.max_new_tokens = "
                        + s.rollout().maxNewTokens() + ", got " + a.overlong().buffer());
        p.require(a.overlong().penalty() >= 0, at + ".overlong.penalty", "must be >= 0");
        p.require(a.critic().coef() >= 0, at + ".critic.coef", "must be >= 0");
        p.require(a.critic().valueClip() > 0, at + ".critic.value_clip", "must be > 0");
    }

    private static void name(String value, Collection<String> known, String path, String what, Problems p) {
        if (value == null || !known.contains(value)) {
            p.add(path, "names no " + what + ": '" + value + "'" + (value == null ? "" : DidYouMean.hint(value, known))
                    + " (known: " + String.join(", ", known) + ")");
        }
    }
}
