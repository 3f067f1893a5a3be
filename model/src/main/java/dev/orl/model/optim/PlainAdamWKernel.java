package dev.orl.model.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * AdamW as a sequence of in-place NDArray operations per parameter, with each full-size temporary closed as soon as
 * it is used; the fallback where the fused kernel is unavailable.
 */
final class PlainAdamWKernel implements AdamWKernel {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public double globalNorm(List<NDArray> grads) {
        double sumOfSquares = 0;
        for (NDArray g : grads) {
            try (NDArray squared = g.square(); NDArray sum = squared.sum()) {
                sumOfSquares += sum.getFloat();
            }
        }
        return Math.sqrt(sumOfSquares);
    }

    @Override
    public void scale(List<NDArray> grads, double factor) {
        for (NDArray g : grads) {
            g.muli(factor);
        }
    }

    @Override
    public void update(List<ParameterState> states, List<NDArray> grads, double gradFactor, double lr,
            AdamWConfig config) {
        if (gradFactor != 1) {
            scale(grads, gradFactor);
        }
        for (int i = 0; i < states.size(); i++) {
            updateOne(states.get(i), grads.get(i), lr, config);
        }
    }

    private static void updateOne(ParameterState state, NDArray grad, double lr, AdamWConfig c) {
        NDArray w = state.weight();
        double biasCorrection1 = 1 - Math.pow(c.beta1(), state.step);
        double biasCorrection2 = 1 - Math.pow(c.beta2(), state.step);
        w.muli(1 - lr * c.weightDecay());
        try (NDArray scaledGrad = grad.mul(1 - c.beta1())) {
            state.expAvg.muli(c.beta1()).addi(scaledGrad);
        }
        try (NDArray squared = grad.square()) {
            state.expAvgSq.muli(c.beta2()).addi(squared.muli(1 - c.beta2()));
        }
        try (NDArray denom = state.expAvgSq.sqrt();
                NDArray step = state.expAvg.div(denom.divi(Math.sqrt(biasCorrection2)).addi(c.eps()))) {
            w.subi(step.muli(lr / biasCorrection1));
        }
        JniUtils.zeroGrad((PtNDArray) w);
    }

    @Override
    public void close() {
        // holds no native resources
    }
}
