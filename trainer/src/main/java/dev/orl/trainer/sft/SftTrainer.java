package dev.orl.trainer.sft;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.orl.model.autograd.GraphScalars;
import dev.orl.model.device.NoGrad;
import dev.orl.model.logprob.LogProbs;
import dev.orl.model.logprob.ResponseBatch;
import dev.orl.model.logprob.TokenLogProbs;
import dev.orl.model.optim.AdamW;
import dev.orl.model.optim.AdamWConfig;
import dev.orl.model.optim.LrSchedule;
import dev.orl.model.optim.NamedParameter;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.trainer.metrics.MetricNames;
import dev.orl.trainer.batching.EpochBatches;
import dev.orl.trainer.batching.TokenBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold-start supervised fine-tuning: cross-entropy on the assistant tokens of chat-formatted demonstrations
 * (token-mean over each batch), micro-batched by a token budget with gradient accumulation, global-norm clipping
 * and AdamW. The order of examples is a seeded shuffle per epoch, so step {@code n}'s batch is a pure function of
 * the seed and {@code n} (resume needs no data cursor).
 */
public final class SftTrainer implements AutoCloseable {

    private final Qwen2Model model;
    private final int padId;
    private final List<SftExample> validation;
    private final int microBatchTokens;
    private final double gradClip;
    private final EpochBatches<SftExample> batches;
    private final AdamW optimizer;
    private final LrSchedule schedule;

    /**
     * @param totalSteps optimizer steps of the stage (for the cosine schedule)
     */
    public SftTrainer(Qwen2Model model, int padId, List<SftExample> train, List<SftExample> validation, int batchSize,
            int microBatchTokens, AdamWConfig adam, LrSchedule schedule, double gradClip, long seed) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("SFT needs at least one demonstration (none had a reference response)");
        }
        this.model = model;
        this.padId = padId;
        this.validation = List.copyOf(validation);
        this.microBatchTokens = microBatchTokens;
        this.gradClip = gradClip;
        this.batches = new EpochBatches<>(train, batchSize, seed);
        this.schedule = schedule;
        model.setTrainable(true);
        this.optimizer = AdamW.fused(NamedParameter.of(model.parameters()), adam, model.manager());
    }

    /** The optimizer, for checkpoints. */
    public AdamW optimizer() {
        return optimizer;
    }

    /** Runs optimizer step {@code n} (1-based) and returns {@code sft/loss}, grad norm, lr and timing. */
    public Map<String, Double> step(long n) {
        long t0 = System.nanoTime();
        List<SftExample> batch = batches.batch(n);
        double tokens = batch.stream().mapToInt(e -> e.responseIds().length).sum();
        double loss = 0;
        for (List<SftExample> micro : micro(batch)) {
            try (NDManager step = model.manager().newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray nll = GraphScalars.div(negativeLogLikelihood(step, micro), tokens);
                loss += nll.getFloat();
                collector.backward(nll);
            }
        }
        double lr = schedule.lr(optimizer.stepCount());
        double norm = optimizer.clipGradNorm(gradClip);
        optimizer.step(lr);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(MetricNames.SFT_LOSS, loss);
        m.put(MetricNames.GRAD_NORM, norm);
        m.put(MetricNames.LR, lr);
        m.put(MetricNames.timing(MetricNames.STEP), seconds);
        m.put(MetricNames.THROUGHPUT, batch.stream().mapToInt(SftExample::tokens).sum() / seconds);
        return m;
    }

    /** Token-mean cross-entropy over the held-out demonstrations (NaN when none are held out). */
    public double validationLoss() {
        if (validation.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        double tokens = 0;
        try (NoGrad noGrad = NoGrad.enter()) {
            for (List<SftExample> micro : micro(validation)) {
                try (NDManager step = model.manager().newSubManager()) {
                    sum += negativeLogLikelihood(step, micro).getFloat();
                    tokens += micro.stream().mapToInt(e -> e.responseIds().length).sum();
                }
            }
        }
        return sum / tokens;
    }

    /** Summed negative log-likelihood of the response tokens of {@code micro}. */
    private NDArray negativeLogLikelihood(NDManager step, List<SftExample> micro) {
        ResponseBatch batch = ResponseBatch.of(micro.stream().map(SftExample::promptIds).toList(),
                micro.stream().map(SftExample::responseIds).toList());
        TokenLogProbs lp = LogProbs.compute(model, step, batch, padId, 1f, false);
        return lp.logProbs().sum().neg();
    }

    private List<List<SftExample>> micro(List<SftExample> rows) {
        return TokenBudget.split(rows, SftExample::tokens, 1, microBatchTokens);
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
