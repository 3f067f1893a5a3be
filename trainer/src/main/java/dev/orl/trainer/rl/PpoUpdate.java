package dev.orl.trainer.rl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.orl.model.autograd.GraphScalars;
import dev.orl.model.heads.ValueHead;
import dev.orl.model.logprob.ResponseBatch;
import dev.orl.model.optim.AdamW;
import dev.orl.model.optim.LrSchedule;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.trainer.algo.loss.ActorObjective;
import dev.orl.trainer.algo.loss.AggregationScale;
import dev.orl.trainer.algo.loss.LossAggregation;
import dev.orl.trainer.algo.loss.ValueLoss;
import dev.orl.trainer.metrics.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy (and critic) update of one RL batch: PPO epochs × mini-batches (one optimizer step each) ×
 * micro-batches (token budget; gradients accumulate, denominators taken from the whole mini-batch so the sum of
 * micro-batch losses is the mini-batch loss), then global-norm clipping and an AdamW step at the scheduled rate.
 */
final class PpoUpdate {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PpoUpdate.class);

    /** Share of optimizer steps skipped because the gradient norm was NaN or infinite. */
    static final String NONFINITE_STEPS = "actor/nonfinite_grad_ratio";

    /**
     * What the update needs besides the rows.
     *
     * @param valueLoss the critic's loss, or null without a critic
     * @param criticCoef weight of the critic's loss
     * @param normLength Dr.GRPO's constant length
     */
    record Settings(ActorObjective objective, LossAggregation aggregation, ValueLoss valueLoss, double criticCoef,
            double normLength, int epochs, int miniBatchGroups, int microBatchTokens, double gradClip,
            float temperature, int padId, boolean logEntropy) {}

    private final Qwen2Model model;
    private final ValueHead valueHead;
    private final AdamW optimizer;
    private final LrSchedule schedule;
    private final Settings settings;

    PpoUpdate(Qwen2Model model, ValueHead valueHead, AdamW optimizer, LrSchedule schedule, Settings settings) {
        this.model = model;
        this.valueHead = valueHead;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.settings = settings;
    }

    /** Runs the update over {@code groups} (rows of one prompt each) and returns the averaged actor/critic metrics. */
    Map<String, Double> run(List<List<Trajectory>> groups) {
        MetricMeans means = new MetricMeans();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int from = 0; from < groups.size(); from += settings.miniBatchGroups()) {
                List<Trajectory> mini = new ArrayList<>();
                groups.subList(from, Math.min(groups.size(), from + settings.miniBatchGroups())).forEach(mini::addAll);
                if (mini.isEmpty()) {
                    continue;
                }
                AggregationScale scale = new AggregationScale(mini.stream().mapToInt(Trajectory::responseLength)
                        .sum(), mini.size(), settings.normLength());
                for (List<Trajectory> micro : MicroBatches.split(mini, settings.microBatchTokens())) {
                    means.add(backward(micro, scale));
                }
                double lr = schedule.lr(optimizer.stepCount());
                double norm = optimizer.clipGradNorm(settings.gradClip() > 0 ? settings.gradClip() : 0);
                if (!Double.isFinite(norm)) {
                    // One NaN/Inf gradient would poison every weight through AdamW's moments: drop this update.
                    LOG.warn("non-finite gradient norm ({}); skipping this optimizer step", norm);
                    optimizer.zeroGrad();
                    means.add(Map.of(NONFINITE_STEPS, 1.0, MetricNames.LR, lr));
                    continue;
                }
                optimizer.step(lr);
                means.add(Map.of(MetricNames.GRAD_NORM, norm, MetricNames.LR, lr, NONFINITE_STEPS, 0.0));
            }
        }
        return means.means();
    }

    private Map<String, Double> backward(List<Trajectory> micro, AggregationScale scale) {
        try (NDManager step = model.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            ResponseBatch batch = MicroBatches.layout(micro);
            boolean entropy = settings.logEntropy();
            PolicyForward.Outputs out = PolicyForward.run(model, valueHead, step, batch, settings.padId(),
                    settings.temperature(), entropy);
            int width = batch.responseLength();
            NDArray old = rows(step, micro, width, t -> toDouble(t.oldLogProbs));
            NDArray advantages = rows(step, micro, width, t -> t.advantages);
            NDArray ref = settings.objective().needsReference() ? rows(step, micro, width, t -> toDouble(t.refLogProbs))
                    : null;
            ActorObjective.Result actor = settings.objective().compute(out.logProbs(), old, advantages, out.mask(), ref,
                    out.entropy(), scale);
            NDArray loss = actor.loss();
            Map<String, Double> metrics = new LinkedHashMap<>(actor.metrics());
            if (settings.valueLoss() != null) {
                NDArray oldValues = rows(step, micro, width, t -> toDouble(t.oldValues));
                NDArray returns = rows(step, micro, width, t -> t.returns);
                ValueLoss.Result critic = settings.valueLoss().compute(out.values(), oldValues, returns, out.mask(),
                        settings.aggregation(), scale);
                metrics.put(MetricNames.VF_LOSS, (double) critic.loss().getFloat());
                metrics.put(MetricNames.VF_CLIPFRAC, critic.clipFraction());
                loss = loss.add(GraphScalars.mul(critic.loss(), settings.criticCoef()));
            }
            collector.backward(loss);
            return metrics;
        }
    }

    private static NDArray rows(NDManager step, List<Trajectory> micro, int width,
            java.util.function.Function<Trajectory, double[]> field) {
        float[] data = new float[micro.size() * width];
        for (int i = 0; i < micro.size(); i++) {
            double[] row = field.apply(micro.get(i));
            for (int j = 0; j < row.length && j < width; j++) {
                data[i * width + j] = (float) row[j];
            }
        }
        return step.create(data, new Shape(micro.size(), width));
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
