package dev.orl.trainer.algo.loss;

import ai.djl.ndarray.NDArray;
import dev.orl.model.autograd.GraphScalars;
import dev.orl.trainer.metrics.MetricNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The full actor loss of one micro-batch: policy loss, plus {@code coef·KL} to the reference when KL is in the loss,
 * minus {@code coef·entropy} when the entropy bonus is on. Entropy and KL are reported even when their coefficient
 * is 0, as long as they are given.
 *
 * <p>With a mini-batch {@link AggregationScale}, the loss and the loss-valued metrics ({@code actor/pg_loss},
 * {@code actor/kl_loss}, {@code actor/entropy}) are this micro-batch's share: sum them over the micro-batches of a
 * mini-batch. The fractions and {@code actor/ppo_kl} are this micro-batch's own token means: average them.
 */
public final class ActorObjective {

    private final PolicyLoss policyLoss;
    private final LossAggregation aggregation;
    private final KlEstimator klEstimator;
    private final double klCoef;
    private final double entropyCoef;

    /**
     * @param klEstimator the estimator for KL in the loss, or {@code null} when KL is off or applied in the reward
     * @param klCoef the KL loss coefficient (verl: 0.001)
     * @param entropyCoef the entropy bonus coefficient (0 = off)
     */
    public ActorObjective(PolicyLoss policyLoss, LossAggregation aggregation, KlEstimator klEstimator, double klCoef,
            double entropyCoef) {
        this.policyLoss = policyLoss;
        this.aggregation = aggregation;
        this.klEstimator = klEstimator;
        this.klCoef = klCoef;
        this.entropyCoef = entropyCoef;
    }

    /** True when the loop must compute reference log-probs for this objective. */
    public boolean needsReference() {
        return klEstimator != null;
    }

    /**
     * The loss to back-propagate and its metrics.
     *
     * @param refLogProbs reference log-probs, required when {@link #needsReference()}
     * @param entropy per-token entropy of the policy, or {@code null} when the bonus is off and nobody logs it
     */
    public Result compute(NDArray logProbs, NDArray oldLogProbs, NDArray advantages, NDArray mask,
            NDArray refLogProbs, NDArray entropy, AggregationScale scale) {
        PolicyLossResult pg = policyLoss.compute(logProbs, oldLogProbs, advantages, mask, aggregation, scale);
        Map<String, Double> metrics = new LinkedHashMap<>(pg.metrics());
        NDArray total = pg.loss();
        if (klEstimator != null) {
            if (refLogProbs == null) {
                throw new IllegalArgumentException("KL is in the loss but no reference log-probs were given");
            }
            NDArray kl = aggregation.aggregate(klEstimator.perToken(logProbs, refLogProbs), mask, scale);
            metrics.put(MetricNames.KL_LOSS, (double) kl.getFloat());
            total = total.add(GraphScalars.mul(kl, klCoef));
        }
        if (entropy != null) {
            NDArray meanEntropy = aggregation.aggregate(entropy, mask, scale);
            metrics.put(MetricNames.ENTROPY, (double) meanEntropy.getFloat());
            if (entropyCoef != 0) {
                total = total.sub(GraphScalars.mul(meanEntropy, entropyCoef));
            }
        }
        return new Result(total, metrics);
    }

    /**
     * The actor loss of a micro-batch.
     *
     * @param loss scalar to back-propagate
     * @param metrics {@code actor/pg_loss}, {@code actor/pg_clipfrac}, {@code actor/pg_clipfrac_lower},
     *     {@code actor/ppo_kl}, and {@code actor/kl_loss}, {@code actor/entropy} when computed
     */
    public record Result(NDArray loss, Map<String, Double> metrics) {}
}
