package dev.orl.trainer.algo.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.orl.model.autograd.ForcedGc;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every loss the trainers differentiate keeps its constants alive until backward: a garbage collection between
 * forward and backward (which DJL's {@code Number} overloads do not survive) leaves the gradient exact.
 */
class LossGradientsSurviveCollectionTest {

    private static final float[] MASK = {1, 1, 0, 1, 1, 1};

    /** d(loss)/d(x) at x = 0.1 .. 0.6 (shape 2 x 3), with the collector run between forward and backward. */
    private static float[] gradientAfterCollection(UnaryOperator<NDArray> loss) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, new Shape(2, 3));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.apply(x);
                ForcedGc.releaseUnreachableDirectBuffers();
                collector.backward(value);
            }
            return x.getGradient().toFloatArray();
        }
    }

    private static NDArray mask(NDArray like) {
        return like.getManager().create(MASK, new Shape(2, 3));
    }

    @Test
    void tokenMeanGradientIsMaskOverTokens() throws Exception {
        for (int run = 0; run < 3; run++) {
            float[] g = gradientAfterCollection(x -> LossAggregation.TOKEN_MEAN.aggregate(x, mask(x),
                    AggregationScale.ofBatch(mask(x), 1)));
            assertArrayEquals(new float[] {0.2f, 0.2f, 0f, 0.2f, 0.2f, 0.2f}, g, 1e-6f, "token-mean, run " + run);
        }
    }

    @Test
    void sequenceSumNormGradientIsMaskOverSequencesTimesLength() throws Exception {
        float[] g = gradientAfterCollection(x -> LossAggregation.SEQ_MEAN_TOKEN_SUM_NORM.aggregate(x, mask(x),
                AggregationScale.ofBatch(mask(x), 4)));
        assertArrayEquals(new float[] {0.125f, 0.125f, 0f, 0.125f, 0.125f, 0.125f}, g, 1e-6f);
    }

    @Test
    void squaredKlGradientIsTheDifference() throws Exception {
        float[] g = gradientAfterCollection(x -> KlEstimator.K2.perToken(x, x.getManager().zeros(x.getShape())).sum());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, g, 1e-6f);
    }
}
