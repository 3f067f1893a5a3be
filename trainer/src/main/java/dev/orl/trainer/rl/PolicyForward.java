package dev.orl.trainer.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.orl.model.autograd.GraphScalars;
import dev.orl.model.heads.ValueHead;
import dev.orl.model.logprob.LogProbs;
import dev.orl.model.logprob.ResponseBatch;
import dev.orl.model.qwen2.Qwen2Model;

/**
 * One forward pass of prompt + response rows that yields everything the RL step reads from a model: per-token
 * log-probs under {@code softmax(logits / T)}, entropy, and the critic's values from the same hidden states. Records
 * autograd when called inside a gradient collector, so the update and the no-grad passes share this code.
 */
final class PolicyForward {

    private PolicyForward() {}

    /**
     * Per-token outputs {@code [B, R]}, zero on padding, all in the step manager.
     *
     * @param entropy null unless asked for
     * @param values null without a value head
     */
    record Outputs(NDArray logProbs, NDArray entropy, NDArray values, NDArray mask) {}

    static Outputs run(Qwen2Model model, ValueHead valueHead, NDManager step, ResponseBatch batch, int padId,
            float temperature, boolean withEntropy) {
        NDArray hidden = LogProbs.responseHidden(model, step, batch, padId);
        NDArray logits = model.logits(hidden);
        if (temperature != 1f) {
            logits = GraphScalars.div(logits, temperature); // DJL's div(Number) loses its divisor before backward
        }
        NDArray logp = logits.logSoftmax(2);
        NDArray mask = batch.responseMask(step);
        NDArray tokenLogp = logp.gather(batch.responseIds(step).expandDims(2), 2).squeeze(2).mul(mask);
        NDArray entropy = withEntropy ? logp.exp().mul(logp).sum(new int[] {2}).neg().mul(mask) : null;
        NDArray values = valueHead == null ? null : valueHead.values(hidden).mul(mask);
        return new Outputs(tokenLogp, entropy, values, mask);
    }
}
