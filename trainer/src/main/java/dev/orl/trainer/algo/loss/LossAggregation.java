package dev.orl.trainer.algo.loss;

import ai.djl.ndarray.NDArray;
import dev.orl.model.autograd.GraphScalars;
import java.util.Arrays;
import java.util.List;

/**
 * How per-token losses {@code [batch, tokens]} become one scalar. Denominators come from an {@link AggregationScale}
 * so micro-batch losses add up to the mini-batch loss.
 */
public enum LossAggregation {

    /** Sum over all unmasked tokens / all unmasked tokens of the mini-batch (DAPO; verl's default). */
    TOKEN_MEAN("token-mean") {
        @Override
        public NDArray aggregate(NDArray losses, NDArray mask, AggregationScale scale) {
            return GraphScalars.div(losses.mul(mask).sum(), Math.max(scale.tokens(), 1.0));
        }
    },
    /** Each response's mean token loss, averaged over responses (the original GRPO). */
    SEQ_MEAN_TOKEN_MEAN("seq-mean-token-mean") {
        @Override
        public NDArray aggregate(NDArray losses, NDArray mask, AggregationScale scale) {
            NDArray perSequence = losses.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1f));
            return GraphScalars.div(perSequence.sum(), Math.max(scale.sequences(), 1.0));
        }
    },
    /** Each response's summed token loss, averaged over responses. */
    SEQ_MEAN_TOKEN_SUM("seq-mean-token-sum") {
        @Override
        public NDArray aggregate(NDArray losses, NDArray mask, AggregationScale scale) {
            return GraphScalars.div(losses.mul(mask).sum(), Math.max(scale.sequences(), 1.0));
        }
    },
    /**
     * Dr.GRPO: each response's summed token loss divided by a constant length, averaged over responses, so long
     * and short responses weigh their tokens alike. (verl omits the division by the number of responses, which only
     * rescales the gradient.)
     */
    SEQ_MEAN_TOKEN_SUM_NORM("seq-mean-token-sum-norm") {
        @Override
        public NDArray aggregate(NDArray losses, NDArray mask, AggregationScale scale) {
            return GraphScalars.div(losses.mul(mask).sum(), Math.max(scale.sequences(), 1.0) * scale.normLength());
        }
    };

    private final String recipeName;

    LossAggregation(String recipeName) {
        this.recipeName = recipeName;
    }

    /** Aggregates per-token {@code losses} under {@code mask} (1 = counted) with the mini-batch's denominators. */
    public abstract NDArray aggregate(NDArray losses, NDArray mask, AggregationScale scale);

    /** The name a recipe uses ({@code algorithm.loss_agg}). */
    public String recipeName() {
        return recipeName;
    }

    /** The names a recipe may use. */
    public static List<String> names() {
        return Arrays.stream(values()).map(LossAggregation::recipeName).toList();
    }

    /** The aggregation a recipe names. */
    public static LossAggregation byName(String name) {
        for (LossAggregation a : values()) {
            if (a.recipeName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown loss aggregation '" + name + "' (known: "
                + String.join(", ", names()) + ")");
    }
}
