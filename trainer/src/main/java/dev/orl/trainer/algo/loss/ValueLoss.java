package dev.orl.trainer.algo.loss;

import ai.djl.ndarray.NDArray;
import dev.orl.model.autograd.GraphScalars;

/**
 * The critic's loss for PPO with GAE: {@code ½·max((V − R)², (clip(V, V_old ± ε) − R)²)}, aggregated like the policy
 * loss, where {@code R} are the GAE returns and {@code ε} the value clip range.
 */
public final class ValueLoss {

    private final double clipRange;

    /** {@code clipRange} is verl's {@code cliprange_value} (0.5). */
    public ValueLoss(double clipRange) {
        if (!(clipRange > 0)) {
            throw new IllegalArgumentException("value clip range must be > 0, got " + clipRange);
        }
        this.clipRange = clipRange;
    }

    /** The loss and the share of tokens where the clipped branch was larger. */
    public Result compute(NDArray values, NDArray oldValues, NDArray returns, NDArray mask,
            LossAggregation aggregation, AggregationScale scale) {
        NDArray clippedValues = values.sub(oldValues).clip((float) -clipRange, (float) clipRange).add(oldValues);
        NDArray plain = values.sub(returns).square();
        NDArray clipped = clippedValues.sub(returns).square();
        NDArray loss = GraphScalars.mul(aggregation.aggregate(plain.maximum(clipped), mask, scale), 0.5);
        return new Result(loss, MaskedMean.of(clipped.gt(plain), mask));
    }

    /**
     * The critic's loss and statistics.
     *
     * @param loss scalar with gradient through the predicted values ({@code critic/vf_loss})
     * @param clipFraction share of tokens where clipping bound ({@code critic/vf_clipfrac})
     */
    public record Result(NDArray loss, double clipFraction) {}
}
