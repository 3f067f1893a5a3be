package dev.orl.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.orl.model.optim.AdamW;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.qwen2.TokenBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Times full training steps: forward to a next-token cross-entropy loss, backward, global-norm clipping and an
 * AdamW update, on a {@code batch x length} block of random tokens.
 */
final class TrainingBench {

    /**
     * Timings of the median measured step (after warmup).
     *
     * @param model benchmark model name
     * @param kernels kernels name
     * @param optimizer AdamW kernel name
     * @param batch sequences per step
     * @param length tokens per sequence
     * @param parameters trainable weights (N in 6·N·tokens)
     * @param steps measured steps
     * @param forwardSeconds forward pass and loss, per step
     * @param backwardSeconds backward pass, per step
     * @param optimizerSeconds clipping and update, per step
     * @param kernelSeconds kernel-mode CPU time of the process during the step (page faults, mostly; NaN if unknown)
     */
    record Result(String model, String kernels, String optimizer, int batch, int length, long parameters, int steps,
            double forwardSeconds, double backwardSeconds, double optimizerSeconds, double kernelSeconds) {

        double stepSeconds() {
            return forwardSeconds + backwardSeconds + optimizerSeconds;
        }

        double tokensPerSecond() {
            return batch * (double) length / stepSeconds();
        }

        /** Model-FLOPs utilization: {@code 6 N tokens / time} over the measured matmul peak. */
        double mfu(double peakGflops) {
            return 6.0 * parameters * batch * length / stepSeconds() / (peakGflops * 1e9);
        }
    }

    private TrainingBench() {}

    static Result run(String modelName, Qwen2Model model, AdamW optimizer, NDManager parent, int batch, int length,
            int warmup, int steps, long seed) {
        int[][] sequences = GenerationBench.randomPrompts(batch, length + 1, model.config().vocabSize(), seed);
        int[][] inputs = new int[batch][];
        long[] targets = new long[batch * length];
        for (int r = 0; r < batch; r++) {
            inputs[r] = Arrays.copyOf(sequences[r], length);
            for (int c = 0; c < length; c++) {
                targets[r * length + c] = sequences[r][c + 1];
            }
        }
        TokenBatch tokens = TokenBatch.leftPadded(inputs, 0);
        List<double[]> timings = new ArrayList<>();
        for (int i = 0; i < warmup + steps; i++) {
            double[] t = step(model, optimizer, parent, tokens, targets);
            if (i >= warmup) {
                timings.add(t);
            }
        }
        // The median step: a shared machine adds outliers that a mean would smear over every figure.
        timings.sort(Comparator.comparingDouble(t -> t[0] + t[1] + t[2]));
        double[] median = timings.get(timings.size() / 2);
        long parameters = model.config().parameterCount();
        return new Result(modelName, model.kernels().name(), optimizer.kernelName(), batch, length, parameters, steps,
                median[0], median[1], median[2], median[3]);
    }

    /** One step; returns seconds of forward, backward and optimizer, and the kernel CPU seconds of all three. */
    private static double[] step(Qwen2Model model, AdamW optimizer, NDManager parent, TokenBatch tokens,
            long[] targets) {
        try (NDManager step = parent.newSubManager()) {
            double kernel0 = ProcessCpu.kernelSeconds();
            long t0 = System.nanoTime();
            long t1;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(step, tokens);
                NDArray target = step.create(targets, new Shape(tokens.batch(), tokens.length(), 1));
                NDArray loss = logits.logSoftmax(-1).gather(target, -1).mean().neg();
                t1 = System.nanoTime();
                collector.backward(loss);
            }
            long t2 = System.nanoTime();
            optimizer.clipAndStep(1.0, 1e-5);
            long t3 = System.nanoTime();
            return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                ProcessCpu.kernelSeconds() - kernel0};
        }
    }
}
