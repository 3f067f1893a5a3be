package dev.orl.model.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.orl.model.autograd.GraphScalars;

/** {@link Kernels} composed of plain NDArray operations: runs on every engine and device, supports autograd. */
public final class PlainKernels implements Kernels {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public NDArray attention(NDArray q, NDArray k, NDArray v, NDArray mask) {
        Shape qs = q.getShape();
        Shape ks = k.getShape();
        long b = qs.get(0);
        long hq = qs.get(1);
        long t = qs.get(2);
        long d = qs.get(3);
        long hkv = ks.get(1);
        long s = ks.get(2);
        if (hq % hkv != 0) {
            throw new IllegalArgumentException("query heads " + hq + " not a multiple of KV heads " + hkv);
        }
        long group = hq / hkv;
        // Query head h uses KV head h / group (HF repeat_kv); folding the group into the time axis lets every
        // group share one K/V matrix instead of materialising repeated copies of K and V.
        NDArray grouped = GraphScalars.mul(q.reshape(b, hkv, group * t, d), 1.0 / Math.sqrt(d));
        NDArray scores = grouped.matMul(k.transpose(0, 1, 3, 2)).reshape(b, hkv, group, t, s);
        // DJL's where() does not broadcast, so the mask becomes an additive bias: 0 where allowed, -1e30 where
        // hidden (exp underflows to exactly 0 after softmax's max subtraction; -inf would give 0 * inf = NaN).
        NDArray bias = mask.toType(DataType.FLOAT32, false).sub(1f).mul(1e30f).reshape(b, 1, 1, t, s);
        NDArray probs = scores.add(bias).softmax(4).reshape(b, hkv, group * t, s);
        return probs.matMul(v).reshape(b, hq, t, d);
    }

    @Override
    public NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    @Override
    public NDArray rmsNorm(NDArray x, NDArray weight, float eps) {
        int last = x.getShape().dimension() - 1;
        NDArray meanSquare = x.square().mean(new int[] {last}, true);
        return x.div(meanSquare.add(eps).sqrt()).mul(weight);
    }
}
