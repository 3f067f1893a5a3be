package dev.orl.trainer.rl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.orl.model.kernels.KernelsFactory;
import dev.orl.model.logprob.ResponseBatch;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.tokenizer.CharTokenizer;
import dev.orl.model.autograd.ForcedGc;
import dev.orl.trainer.testing.TinyPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy forward pass the RL update differentiates. */
class PolicyForwardTest {

    private static final List<int[]> PROMPTS = List.of(new int[] {40, 41, 42}, new int[] {50, 51, 52, 53, 54});
    private static final List<int[]> RESPONSES = List.of(new int[] {60, 61, 62, 63}, new int[] {70, 33});

    /** Global gradient norm of {@code sum(logp) + sum(entropy)} at temperature 0.7. */
    private static double gradientNorm(boolean collectBeforeBackward) {
        // TorchScript kernels keep their constants inside libtorch: only PolicyForward's own arithmetic is on trial
        try (NDManager kernels = NDManager.newBaseManager();
                Qwen2Model model = Qwen2Model.random(TinyPolicies.config(CharTokenizer.ascii()),
                        KernelsFactory.create("torchscript", kernels), Device.cpu(), 9);
                NDManager step = model.manager().newSubManager()) {
            model.setTrainable(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                PolicyForward.Outputs out = PolicyForward.run(model, null, step, ResponseBatch.of(PROMPTS, RESPONSES),
                        0, 0.7f, true);
                NDArray loss = out.logProbs().sum().add(out.entropy().sum());
                if (collectBeforeBackward) {
                    ForcedGc.releaseUnreachableDirectBuffers();
                }
                collector.backward(loss);
            }
            double sum = 0;
            for (NDArray p : model.parameters().values()) {
                try (NDArray g = JniUtils.getGradient((PtNDArray) p)) {
                    for (float v : g.toFloatArray()) {
                        sum += (double) v * v;
                    }
                }
            }
            return Math.sqrt(sum);
        }
    }

    @Test
    void temperatureScaledGradientSurvivesAGarbageCollectionBeforeBackward() {
        double quiet = gradientNorm(false);
        for (int run = 0; run < 2; run++) {
            double collected = gradientNorm(true);
            assertTrue(Math.abs(collected - quiet) <= 1e-5 * quiet, "run " + run + ": gradient norm " + collected
                    + " after a garbage collection before backward, " + quiet + " without (DJL's div(Number) "
                    + "frees the temperature before backward reads it)");
        }
    }
}
