package dev.orl.model.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * How the optimizer's tensor work is done: a plain in-place NDArray path or libtorch's fused kernels. Both see only
 * parameters that have a gradient, and both must give the same numbers.
 */
interface AdamWKernel extends AutoCloseable {

    /** A short name for logs and benchmarks. */
    String name();

    /** The global L2 norm of all {@code grads} together. */
    double globalNorm(List<NDArray> grads);

    /** Multiplies every gradient in place by {@code factor}. */
    void scale(List<NDArray> grads, double factor);

    /**
     * One AdamW update of each state's weight with its gradient {@code grads.get(i)} multiplied by
     * {@code gradFactor} (1 leaves the gradients as they are; clipping passes its factor here so the fused kernel
     * needs no separate pass over the gradients), after the caller has incremented each state's step; then zeroes
     * the gradients.
     */
    void update(List<ParameterState> states, List<NDArray> grads, double gradFactor, double lr, AdamWConfig config);

    @Override
    void close();
}
