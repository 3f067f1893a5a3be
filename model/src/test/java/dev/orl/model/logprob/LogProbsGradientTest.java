package dev.orl.model.logprob;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orl.model.autograd.ForcedGc;
import dev.orl.model.config.Qwen2Config;
import dev.orl.model.kernels.Kernels;
import dev.orl.model.kernels.KernelsFactory;
import dev.orl.model.qwen2.Qwen2Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gradient of log-probs and entropy is a function of the weights and the batch alone: a garbage collection
 * between the forward and the backward pass (which happens at random in a real run) must not change it.
 */
class LogProbsGradientTest {

    private static final List<int[]> PROMPTS = List.of(new int[] {1, 2, 3}, new int[] {9, 8, 7, 6, 5});
    private static final List<int[]> RESPONSES = List.of(new int[] {10, 11, 12, 13}, new int[] {20, 3});

    private static Qwen2Config tinyConfig() {
        ObjectNode c = new ObjectMapper().createObjectNode();
        c.put("model_type", "qwen2");
        c.put("hidden_size", 32);
        c.put("intermediate_size", 64);
        c.put("num_hidden_layers", 2);
        c.put("num_attention_heads", 4);
        c.put("num_key_value_heads", 2);
        c.put("vocab_size", 40);
        c.put("tie_word_embeddings", true);
        return Qwen2Config.fromJson(c);
    }

    /** Squared L2 norm of each parameter's gradient of {@code sum(logp) + sum(entropy)}. */
    private static Map<String, Double> gradients(String kernelsName, float temperature, boolean collectFirst) {
        try (NDManager kernelsManager = NDManager.newBaseManager()) {
            Kernels kernels = KernelsFactory.create(kernelsName, kernelsManager);
            try (Qwen2Model model = Qwen2Model.random(tinyConfig(), kernels, Device.cpu(), 5);
                    NDManager step = model.manager().newSubManager()) {
                model.setTrainable(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    TokenLogProbs out = LogProbs.compute(model, step, ResponseBatch.of(PROMPTS, RESPONSES), 0,
                            temperature, true);
                    NDArray loss = out.logProbs().sum().add(out.entropy().sum());
                    if (collectFirst) {
                        ForcedGc.releaseUnreachableDirectBuffers();
                    }
                    collector.backward(loss);
                }
                Map<String, Double> norms = new LinkedHashMap<>();
                model.parameters().forEach((name, p) -> {
                    try (NDArray g = JniUtils.getGradient((PtNDArray) p)) {
                        double sum = 0;
                        for (float v : g.toFloatArray()) {
                            sum += (double) v * v;
                        }
                        norms.put(name, sum);
                    }
                });
                return norms;
            }
        }
    }

    private static void assertUnchangedByCollection(String kernels, float temperature) {
        Map<String, Double> quiet = gradients(kernels, temperature, false);
        for (int run = 0; run < 2; run++) {
            Map<String, Double> collected = gradients(kernels, temperature, true);
            StringBuilder differences = new StringBuilder();
            quiet.forEach((name, expected) -> {
                double actual = collected.get(name);
                if (!(Math.abs(actual - expected) <= 1e-5 * Math.max(1e-12, expected))) {
                    differences.append("\n  ").append(name).append(": |g|^2 ").append(actual).append(" instead of ")
                            .append(expected);
                }
            });
            assertTrue(differences.isEmpty(), "kernels " + kernels + ", T=" + temperature + ", run " + run
                    + ": a garbage collection before backward changed the gradient of" + differences);
        }
    }

    @Test
    void temperatureScaledGradientSurvivesAGarbageCollectionBeforeBackward() {
        // TorchScript kernels keep their constants inside libtorch, so this isolates LogProbs' own arithmetic
        assertUnchangedByCollection("torchscript", 0.7f);
    }

    @Test
    void plainKernelsGradientSurvivesAGarbageCollectionBeforeBackward() {
        // With DJL's mul(Number) the scale is freed before backward and every gradient fed by layer 0's queries
        // (q_proj, input_layernorm, embeddings) is computed from freed memory: the RL step's NaN/1e16 grad norm.
        assertUnchangedByCollection("plain", 1f);
    }
}
