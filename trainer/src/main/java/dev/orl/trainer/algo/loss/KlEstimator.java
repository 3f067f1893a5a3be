package dev.orl.trainer.algo.loss;

import ai.djl.ndarray.NDArray;
import dev.orl.model.autograd.GraphScalars;
import java.util.Arrays;
import java.util.List;

/**
 * Per-token estimators of KL(π‖π_ref) from the log-probs of tokens sampled from π (Schulman, "Approximating KL
 * divergence"), with {@code d = logp_ref − logp}: k1 = −d, k2 = d²/2, k3 = e^d − d − 1 (unbiased and never
 * negative; verl's {@code low_var_kl}).
 */
public enum KlEstimator {

    K1("k1", "kl") {
        @Override
        public NDArray perToken(NDArray logProbs, NDArray refLogProbs) {
            return logProbs.sub(refLogProbs);
        }
    },
    K2("k2", "mse") {
        @Override
        public NDArray perToken(NDArray logProbs, NDArray refLogProbs) {
            return GraphScalars.mul(logProbs.sub(refLogProbs).square(), 0.5);
        }
    },
    K3("k3", "low_var_kl") {
        @Override
        public NDArray perToken(NDArray logProbs, NDArray refLogProbs) {
            // Clamps as verl does: one token far off the reference must not dominate the whole batch.
            NDArray d = refLogProbs.sub(logProbs).clip(-20f, 20f);
            return d.exp().sub(d).sub(1f).clip(-10f, 10f);
        }
    };

    private final String recipeName;
    private final String verlName;

    KlEstimator(String recipeName, String verlName) {
        this.recipeName = recipeName;
        this.verlName = verlName;
    }

    /** The per-token estimate, in {@code logProbs}' manager; gradient flows through {@code logProbs}. */
    public abstract NDArray perToken(NDArray logProbs, NDArray refLogProbs);

    /** The name a recipe uses ({@code algorithm.kl.estimator}). */
    public String recipeName() {
        return recipeName;
    }

    /** Names a recipe may use: k1, k2, k3 and verl's kl, mse, low_var_kl. */
    public static List<String> names() {
        return Arrays.stream(values()).flatMap(k -> java.util.stream.Stream.of(k.recipeName, k.verlName)).toList();
    }

    /** The estimator a recipe names (orl's or verl's name). */
    public static KlEstimator byName(String name) {
        for (KlEstimator k : values()) {
            if (k.recipeName.equals(name) || k.verlName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown KL estimator '" + name + "' (known: "
                + String.join(", ", names()) + ")");
    }
}
