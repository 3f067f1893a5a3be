package dev.orl.model.autograd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant that is safe inside an autograd graph.
 *
 * <p>DJL's {@code mul(Number)}, {@code div(Number)}, {@code pow(Number)} and their kin wrap the constant in a tensor
 * that aliases a Java direct buffer ({@code from_blob}) and close it as soon as the operation returns. libtorch saves
 * that tensor for the backward pass ({@code grad * c}, {@code grad / c}) without owning its memory, so when the
 * garbage collector frees the buffer between forward and backward, the gradient is computed from freed memory: it
 * comes out as garbage, often NaN or ±1e30, and only when a collection happens to fall in that window. The constants
 * made here are allocated by libtorch ({@code torch.full}), which keeps them alive for as long as the graph needs.
 * Use these in every differentiable computation; DJL's {@code Number} overloads are fine only without gradients.
 */
public final class GraphScalars {

    private GraphScalars() {}

    /** {@code x * c}, differentiable with respect to {@code x}. */
    public static NDArray mul(NDArray x, double c) {
        try (NDArray constant = constant(x, c)) {
            return x.mul(constant);
        }
    }

    /** {@code x / c}, differentiable with respect to {@code x}. */
    public static NDArray div(NDArray x, double c) {
        try (NDArray constant = constant(x, c)) {
            return x.div(constant);
        }
    }

    /**
     * A 0-d array holding {@code c} in the dtype, device and manager of {@code like}, in memory libtorch owns (the
     * graph holds its own reference, so closing the returned array early is safe).
     */
    public static NDArray constant(NDArray like, double c) {
        return like.getManager().full(new Shape(), (float) c, like.getDataType());
    }
}
