package dev.orl.model.logprob;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.orl.model.autograd.GraphScalars;
import dev.orl.model.qwen2.Qwen2Model;

/**
 * Log-probabilities and entropies of given responses under the model: the function the trainer differentiates
 * (policy loss, KL, entropy bonus) and evaluates without grad (old and reference log-probs).
 */
public final class LogProbs {

    private LogProbs() {}

    /**
     * Hidden states {@code [B, R, H]} that predict each response token (the state of the token before it); value
     * heads read these too.
     */
    public static NDArray responseHidden(Qwen2Model model, NDManager step, ResponseBatch batch, int padId) {
        NDArray hidden = model.hidden(step, batch.tokens(padId), null);
        int from = batch.promptLength() - 1;
        return hidden.get(new NDIndex(":, {}:{}, :", from, from + batch.responseLength()));
    }

    /**
     * Log-probs (and optionally entropies) of the response tokens under {@code softmax(logits / temperature)},
     * masked to response tokens; records autograd when called inside a gradient collector.
     */
    public static TokenLogProbs compute(Qwen2Model model, NDManager step, ResponseBatch batch, int padId,
            float temperature, boolean withEntropy) {
        NDArray logits = model.logits(responseHidden(model, step, batch, padId));
        if (temperature != 1f) {
            logits = GraphScalars.div(logits, temperature); // DJL's div(Number) loses its divisor before backward
        }
        NDArray logp = logits.logSoftmax(2);
        NDArray mask = batch.responseMask(step);
        NDArray ids = batch.responseIds(step).expandDims(2);
        NDArray tokenLogp = logp.gather(ids, 2).squeeze(2).mul(mask);
        NDArray entropy = null;
        if (withEntropy) {
            entropy = logp.exp().mul(logp).sum(new int[] {2}).neg().mul(mask);
        }
        return new TokenLogProbs(tokenLogp, entropy, mask);
    }
}
