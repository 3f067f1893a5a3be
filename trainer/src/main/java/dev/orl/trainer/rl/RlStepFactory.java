package dev.orl.trainer.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.orl.datasets.PromptSource;
import dev.orl.model.heads.ValueHead;
import dev.orl.model.optim.AdamW;
import dev.orl.model.optim.AdamWConfig;
import dev.orl.model.optim.LrSchedule;
import dev.orl.model.optim.NamedParameter;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.trainer.algo.advantage.AdvantageEstimator;
import dev.orl.trainer.algo.advantage.AdvantageEstimators;
import dev.orl.trainer.algo.advantage.EstimatorSettings;
import dev.orl.trainer.algo.loss.ActorObjective;
import dev.orl.trainer.algo.loss.ClipSettings;
import dev.orl.trainer.algo.loss.KlEstimator;
import dev.orl.trainer.algo.loss.LossAggregation;
import dev.orl.trainer.algo.loss.PolicyLosses;
import dev.orl.trainer.algo.loss.ValueLoss;
import dev.orl.trainer.metrics.Progress;
import dev.orl.trainer.recipe.AlgorithmSpec;
import dev.orl.trainer.recipe.OptimizerSpec;
import dev.orl.trainer.recipe.StageSpec;
import dev.orl.trainer.rollout.LocalRolloutEngine;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.rollout.RolloutEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles an RL stage from its recipe section: the estimator and policy loss by name from their registries, the
 * critic head (GAE only), the frozen reference (KL on only), a fresh AdamW with its schedule, and the rollout engine.
 */
public final class RlStepFactory {

    /** Sequences the in-process sampler decodes together at most (bounds KV-cache memory). */
    static final int MAX_DECODE_BATCH = 128;

    private final AdvantageEstimators estimators;
    private final PolicyLosses losses;
    private final Progress progress;

    public RlStepFactory(AdvantageEstimators estimators, PolicyLosses losses) {
        this(estimators, losses, Progress.OFF);
    }

    private RlStepFactory(AdvantageEstimators estimators, PolicyLosses losses, Progress progress) {
        this.estimators = estimators;
        this.losses = losses;
        this.progress = progress;
    }

    /** The built-in estimators and losses. */
    public static RlStepFactory builtIn() {
        return new RlStepFactory(AdvantageEstimators.builtIn(), PolicyLosses.builtIn());
    }

    /** This factory, with the steps it opens drawing their progress bars through {@code progress}. */
    public RlStepFactory withProgress(Progress progress) {
        return new RlStepFactory(estimators, losses, progress);
    }

    /**
     * Opens an RL stage on {@code policy}.
     *
     * @param valueHead the critic head restored from a checkpoint, or null to create one when the estimator needs it
     * @param engine the rollout engine, or null for the in-process one
     * @param seed the stage's seed
     * @param peakFlops the machine peak MFU is measured against ({@link Perf#DEFAULT_PEAK_FLOPS})
     */
    public RlSession open(StageSpec stage, Policy policy, ValueHead valueHead, RolloutEngine engine,
            PromptSource source, RewardScorer scorer, long seed, double peakFlops) {
        AlgorithmSpec alg = stage.algorithm();
        AdvantageEstimator estimator = estimators.create(alg.advantage(),
                new EstimatorSettings(alg.normByStd(), alg.gamma(), alg.lam(), 1e-6));
        Qwen2Model model = policy.model();
        ValueHead head = null;
        if (estimator.needsValues()) {
            head = valueHead != null ? valueHead : ValueHead.create(model.config().hiddenSize(), model.manager(), seed);
            head.parameters().values().forEach(p -> p.setRequiresGradient(true));
        }
        model.setTrainable(true);
        Qwen2Model reference = alg.kl().enabled() ? frozenCopy(model) : null;

        AdamW optimizer = AdamW.fused(parameters(model, head), adamConfig(stage.optimizer()), model.manager());
        int miniBatch = stage.updates().miniBatchSize() == null ? stage.rollout().promptsPerStep()
                : stage.updates().miniBatchSize();
        long updatesPerStep = (long) stage.updates().ppoEpochs()
                * ((stage.rollout().promptsPerStep() + miniBatch - 1) / miniBatch);
        LrSchedule schedule = schedule(stage.optimizer(), updatesPerStep * stage.steps());

        boolean klInLoss = alg.kl().enabled() && alg.kl().applyTo() == AlgorithmSpec.Kl.Target.LOSS;
        LossAggregation aggregation = LossAggregation.byName(alg.lossAgg());
        ActorObjective objective = new ActorObjective(
                losses.create(alg.policyLoss(), new ClipSettings(alg.clipRatioLow(), alg.clipRatioHigh(),
                        alg.clipRatioC())),
                aggregation, klInLoss ? KlEstimator.byName(alg.kl().estimator()) : null, alg.kl().coef(),
                alg.entropyCoef());
        // log-probs are taken under the sampling distribution (greedy rollouts: the plain softmax)
        float temperature = stage.rollout().temperature() == 0 ? 1f : (float) stage.rollout().temperature();
        int padId = policy.tokenizer().padId();
        double normLength = alg.lossAggNormLength() == null ? stage.rollout().maxNewTokens() : alg.lossAggNormLength();
        PpoUpdate update = new PpoUpdate(model, head, optimizer, schedule, new PpoUpdate.Settings(objective,
                aggregation, head == null ? null : new ValueLoss(alg.critic().valueClip()), alg.critic().coef(),
                normLength, stage.updates().ppoEpochs(), miniBatch, stage.updates().microBatchTokens(),
                stage.optimizer().gradClip(), temperature, padId, true));
        NoGradPasses passes = new NoGradPasses(stage.updates().microBatchTokens(), padId, temperature);
        RolloutEngine rollouts = engine != null ? engine : new LocalRolloutEngine(policy, MAX_DECODE_BATCH);
        RlParts parts = new RlParts(stage.rollout(), alg, policy, head, reference, rollouts,
                new RetryingScorer(scorer, stage.scoring().retries()), source, estimator,
                RlStep.overlong(stage.rollout(), alg), seed, stage.updates().ppoEpochs(),
                new Perf(model.config().parameterCount(), peakFlops), passes, update,
                ResponseChecks.create(RewardRegistry.discover()), progress);
        return new RlSession(new RlStep(parts), optimizer, head, reference);
    }

    /** The named trainable weights of the policy and, when present, its critic head. */
    public static List<NamedParameter> parameters(Qwen2Model model, ValueHead head) {
        return head == null ? NamedParameter.of(model.parameters())
                : NamedParameter.of(model.parameters(), head.parameters());
    }

    /** AdamW hyper-parameters of a recipe's optimizer section. */
    public static AdamWConfig adamConfig(OptimizerSpec o) {
        return new AdamWConfig(o.betas().get(0), o.betas().get(1), o.eps(), o.weightDecay());
    }

    /** The recipe's learning-rate schedule over {@code totalUpdates} optimizer steps. */
    public static LrSchedule schedule(OptimizerSpec o, long totalUpdates) {
        return o.schedule() == OptimizerSpec.Schedule.COSINE
                ? LrSchedule.cosine(o.lr(), o.warmupSteps(), Math.max(totalUpdates, o.warmupSteps() + 1L),
                        o.minLrRatio())
                : LrSchedule.constant(o.lr(), o.warmupSteps());
    }

    /** A frozen copy of the policy's weights (real copies, no gradient) for the KL reference. */
    static Qwen2Model frozenCopy(Qwen2Model model) {
        NDManager manager = NDManager.newBaseManager(model.device());
        Map<String, NDArray> copies = new LinkedHashMap<>();
        model.parameters().forEach((name, array) -> copies.put(name, array.duplicate()));
        return Qwen2Model.fromTensors(model.config(), model.kernels(), manager, copies);
    }
}
