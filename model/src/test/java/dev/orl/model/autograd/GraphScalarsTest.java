package dev.orl.model.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Constants inside an autograd graph keep their value until the backward pass, whatever the garbage collector does. */
class GraphScalarsTest {

    /** The gradient of {@code sum(op(x))} at x = (1, 2, 3), with a garbage collection between forward and backward. */
    private static float[] gradientWithCollectionBeforeBackward(UnaryOperator<NDArray> op) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, 2f, 3f});
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = op.apply(x).sum();
                ForcedGc.releaseUnreachableDirectBuffers();
                collector.backward(loss);
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void multiplicationKeepsItsConstantUntilBackward() {
        for (int run = 0; run < 3; run++) {
            float[] gradient = gradientWithCollectionBeforeBackward(x -> GraphScalars.mul(x, 3));
            assertArrayEquals(new float[] {3f, 3f, 3f}, gradient, "d(3x)/dx after a garbage collection, run " + run);
        }
    }

    @Test
    void divisionKeepsItsConstantUntilBackward() {
        for (int run = 0; run < 3; run++) {
            float[] gradient = gradientWithCollectionBeforeBackward(x -> GraphScalars.div(x, 4));
            assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, gradient, "d(x/4)/dx after a garbage collection, run "
                    + run);
        }
    }

    /**
     * Pins the DJL 0.36 behaviour GraphScalars exists for: {@code mul(Number)} loses its constant to the collector.
     * If this starts failing, DJL keeps such constants alive now and GraphScalars can go.
     */
    @Test
    void djlNumberOverloadLosesItsConstantWhenCollectedBeforeBackward() {
        boolean anyWrong = false;
        StringBuilder seen = new StringBuilder();
        for (int run = 0; run < 3 && !anyWrong; run++) {
            float[] g = gradientWithCollectionBeforeBackward(x -> x.mul(3f));
            seen.append(Arrays.toString(g)).append(' ');
            anyWrong = g[0] != 3f;
        }
        assertTrue(anyWrong, "DJL's mul(Number) now survives a collection before backward (gradients " + seen
                + "); GraphScalars may be unnecessary");
    }
}
