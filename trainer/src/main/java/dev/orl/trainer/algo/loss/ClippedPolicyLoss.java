package dev.orl.trainer.algo.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import dev.orl.model.autograd.GraphScalars;

/**
 * PPO's clipped surrogate ("vanilla" in verl) with asymmetric clip range (DAPO clip-higher) and the dual clip for
 * negative advantages.
 *
 * <p>Per token, with {@code r = exp(logp − logp_old)}: {@code L1 = −A·r}, {@code L2 = −A·clip(r, 1−low, 1+high)},
 * {@code L = max(L1, L2)}; where {@code A < 0}, {@code L = min(L, −A·c)}.
 */
public final class ClippedPolicyLoss implements PolicyLoss {

    /** Log-ratios beyond this are clamped before {@code exp}, as verl does, so one stale token cannot overflow. */
    private static final float LOG_RATIO_LIMIT = 20f;

    private final ClipSettings clip;

    public ClippedPolicyLoss(ClipSettings clip) {
        this.clip = clip;
    }

    @Override
    public String name() {
        return "vanilla";
    }

    @Override
    public PolicyLossResult compute(NDArray logProbs, NDArray oldLogProbs, NDArray advantages, NDArray mask,
            LossAggregation aggregation, AggregationScale scale) {
        NDArray logRatio = logProbs.sub(oldLogProbs).clip(-LOG_RATIO_LIMIT, LOG_RATIO_LIMIT);
        NDArray ratio = logRatio.exp();
        NDArray negAdv = advantages.neg();
        NDArray unclipped = negAdv.mul(ratio);
        NDArray clipped = negAdv.mul(ratio.clip((float) (1 - clip.low()), (float) (1 + clip.high())));
        NDArray pessimistic = unclipped.maximum(clipped);
        double clipFraction = MaskedMean.of(clipped.gt(unclipped), mask);
        double approxKl = MaskedMean.of(logRatio.neg(), mask);

        NDArray perToken = pessimistic;
        double clipFractionLower = 0.0;
        if (clip.dualClip()) {
            NDArray cap = GraphScalars.mul(negAdv, clip.c());
            NDArray negative = advantages.lt(0f);
            perToken = NDArrays.where(negative, pessimistic.minimum(cap), pessimistic);
            try (NDArray capped = pessimistic.gt(cap).logicalAnd(negative)) {
                clipFractionLower = MaskedMean.of(capped.toType(DataType.FLOAT32, false), mask);
            }
        }
        NDArray loss = aggregation.aggregate(perToken, mask, scale);
        return new PolicyLossResult(loss, clipFraction, clipFractionLower, approxKl);
    }
}
