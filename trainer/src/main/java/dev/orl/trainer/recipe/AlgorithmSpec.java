package dev.orl.trainer.recipe;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The RL algorithm of a stage; names are looked up in the algorithm registries.
 *
 * @param advantage advantage estimator: grpo, rloo, reinforce_pp, reinforce_pp_baseline, gae, gdpo
 * @param normByStd GRPO's division by the group std (off = Dr.GRPO)
 * @param gamma discount (REINFORCE++, GAE)
 * @param lam GAE's λ
 * @param policyLoss policy loss name (vanilla = PPO clip)
 * @param lossAgg token-mean, seq-mean-token-mean, seq-mean-token-sum, seq-mean-token-sum-norm
 * @param lossAggNormLength seq-mean-token-sum-norm's constant; {@code null} = rollout.max_new_tokens
 * @param clipRatioLow PPO clip below 1
 * @param clipRatioHigh PPO clip above 1 (DAPO clip-higher: 0.28)
 * @param clipRatioC dual clip for negative advantages
 * @param kl KL to the frozen reference
 * @param entropyCoef entropy bonus coefficient (0 = off; entropy is logged anyway)
 * @param dynamicSampling DAPO's filter of groups with equal rewards
 * @param overlong DAPO's soft penalty near the length limit
 * @param maskTruncated leave responses cut by the length limit out of the loss
 * @param critic the value head's loss (used by gae)
 */
public record AlgorithmSpec(String advantage, boolean normByStd, double gamma, double lam, String policyLoss,
        String lossAgg, Integer lossAggNormLength, double clipRatioLow, double clipRatioHigh, double clipRatioC,
        Kl kl, double entropyCoef, DynamicSampling dynamicSampling, Overlong overlong, boolean maskTruncated,
        Critic critic) {

    /**
     * KL to the reference; the reference model is loaded only when {@code coef > 0}.
     *
     * @param coef KL coefficient (0 = off; verl's loss default 0.001)
     * @param estimator k1, k2 or k3 (verl's kl, mse, low_var_kl also accepted)
     * @param applyTo {@code loss} (GRPO style) or {@code reward} (per-token penalty, PPO style)
     */
    public record Kl(double coef, String estimator, Target applyTo) {

        /** Whether KL enters the loss or the reward. */
        public enum Target {
            /** Added to the actor loss. */
            @JsonProperty("loss") LOSS,
            /** Subtracted from each token's reward before advantages. */
            @JsonProperty("reward") REWARD
        }

        /** True when a reference model is needed. */
        public boolean enabled() {
            return coef > 0;
        }
    }

    /**
     * DAPO dynamic sampling.
     *
     * @param enabled drop groups whose usable rewards are all equal and sample more prompts
     * @param maxRounds cap on sampling rounds per step
     * @param rewards the reward functions whose scores decide a tie (verl's {@code filter_groups.metric}): a group
     *     is dropped when each listed function scores its samples alike, whatever the unlisted ones say, so a
     *     reward model's small differences do not keep groups the verifiers cannot tell apart. Empty: the whole
     *     reward decides. A prompt routed to none of the listed functions is judged on its whole reward.
     */
    public record DynamicSampling(boolean enabled, int maxRounds, List<String> rewards) {
        public DynamicSampling {
            rewards = rewards == null ? List.of() : List.copyOf(rewards);
        }
    }

    /**
     * DAPO overlong reward shaping.
     *
     * @param buffer tokens before the limit where the penalty ramps up (0 = off)
     * @param penalty the penalty at the limit
     */
    public record Overlong(int buffer, double penalty) {}

    /**
     * The critic's loss for PPO with GAE.
     *
     * @param coef weight of the value loss next to the policy loss
     * @param valueClip clip range of the value update (verl's cliprange_value)
     */
    public record Critic(double coef, double valueClip) {}
}
