package dev.orl.trainer.rm;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.orl.model.autograd.GraphScalars;
import dev.orl.model.device.NoGrad;
import dev.orl.model.heads.ScoreHead;
import dev.orl.model.optim.AdamW;
import dev.orl.model.optim.AdamWConfig;
import dev.orl.model.optim.LrSchedule;
import dev.orl.model.optim.NamedParameter;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.qwen2.TokenBatch;
import dev.orl.trainer.metrics.MetricNames;
import dev.orl.trainer.batching.EpochBatches;
import dev.orl.trainer.batching.TokenBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reward-model training: a Qwen2 decoder with a score head read at each sequence's last token, trained with the
 * Bradley–Terry loss {@code −log σ(s_chosen − s_rejected)}; held-out pairwise accuracy is the share of pairs where
 * the chosen response scores higher. Batch order is a seeded shuffle per epoch (a pure function of the step).
 */
public final class RewardModelTrainer implements AutoCloseable {

    private final Qwen2Model model;
    private final ScoreHead head;
    private final int padId;
    private final List<PreferencePair> validation;
    private final int microBatchTokens;
    private final double gradClip;
    private final EpochBatches<PreferencePair> batches;
    private final AdamW optimizer;
    private final LrSchedule schedule;

    public RewardModelTrainer(Qwen2Model model, ScoreHead head, int padId, List<PreferencePair> train,
            List<PreferencePair> validation, int batchSize, int microBatchTokens, AdamWConfig adam,
            LrSchedule schedule, double gradClip, long seed) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("reward-model training needs preference pairs (reference.chosen and "
                    + "reference.rejected); the stage's data has none");
        }
        this.model = model;
        this.head = head;
        this.padId = padId;
        this.validation = List.copyOf(validation);
        this.microBatchTokens = microBatchTokens;
        this.gradClip = gradClip;
        this.batches = new EpochBatches<>(train, batchSize, seed);
        this.schedule = schedule;
        model.setTrainable(true);
        head.parameters().values().forEach(p -> p.setRequiresGradient(true));
        this.optimizer = AdamW.fused(NamedParameter.of(model.parameters(), head.parameters()), adam, model.manager());
    }

    /** The optimizer, for checkpoints. */
    public AdamW optimizer() {
        return optimizer;
    }

    /** The score head's tensors, saved next to the decoder's. */
    public Map<String, NDArray> headTensors() {
        return head.parameters();
    }

    /** Runs optimizer step {@code n} (1-based): {@code rm/loss}, training accuracy, grad norm, lr, timing. */
    public Map<String, Double> step(long n) {
        long t0 = System.nanoTime();
        List<PreferencePair> batch = batches.batch(n);
        double loss = 0;
        double correct = 0;
        for (List<PreferencePair> micro : micro(batch)) {
            try (NDManager step = model.manager().newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray margin = margins(step, micro);
                NDArray l = GraphScalars.div(margin.neg().exp().add(1f).log().sum(), batch.size());
                loss += l.getFloat();
                correct += margin.gt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).sum().getFloat();
                collector.backward(l);
            }
        }
        double lr = schedule.lr(optimizer.stepCount());
        double norm = optimizer.clipGradNorm(gradClip);
        optimizer.step(lr);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(MetricNames.RM_LOSS, loss);
        m.put("rm/train_pairwise_acc", correct / batch.size());
        m.put(MetricNames.GRAD_NORM, norm);
        m.put(MetricNames.LR, lr);
        m.put(MetricNames.timing(MetricNames.STEP), (System.nanoTime() - t0) / 1e9);
        return m;
    }

    /** Share of held-out pairs whose chosen side scores higher (NaN when none are held out). */
    public double heldOutAccuracy() {
        if (validation.isEmpty()) {
            return Double.NaN;
        }
        double correct = 0;
        try (NoGrad noGrad = NoGrad.enter()) {
            for (List<PreferencePair> micro : micro(validation)) {
                try (NDManager step = model.manager().newSubManager()) {
                    correct += margins(step, micro).gt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                            .sum().getFloat();
                }
            }
        }
        return correct / validation.size();
    }

    /** {@code s_chosen − s_rejected} per pair {@code [P]}. */
    private NDArray margins(NDManager step, List<PreferencePair> micro) {
        int[][] rows = new int[micro.size() * 2][];
        for (int i = 0; i < micro.size(); i++) {
            rows[i] = micro.get(i).chosen();
            rows[micro.size() + i] = micro.get(i).rejected();
        }
        TokenBatch tokens = TokenBatch.leftPadded(rows, padId);
        NDArray scores = head.scores(model.hidden(step, tokens, null), tokens).squeeze(1);
        long p = micro.size();
        return scores.get("0:" + p).sub(scores.get(p + ":"));
    }

    private List<List<PreferencePair>> micro(List<PreferencePair> rows) {
        return TokenBudget.split(rows, p -> Math.max(p.chosen().length, p.rejected().length), 2, microBatchTokens);
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
