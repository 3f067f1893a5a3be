package dev.orl.trainer.rl;

import dev.orl.datasets.PromptSource;
import dev.orl.eval.bench.ProgressBar;
import dev.orl.model.heads.ValueHead;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.sampling.Completion;
import dev.orl.model.sampling.SamplingParams;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.registry.ScoredBatch;
import dev.orl.trainer.algo.advantage.AdvantageEstimator;
import dev.orl.trainer.algo.advantage.AdvantageResult;
import dev.orl.trainer.algo.advantage.ScoredResponse;
import dev.orl.trainer.algo.shaping.DynamicSamplingFilter;
import dev.orl.trainer.algo.shaping.OverlongPenalty;
import dev.orl.trainer.metrics.MetricNames;
import dev.orl.trainer.metrics.PhaseTimer;
import dev.orl.trainer.recipe.AlgorithmSpec;
import dev.orl.trainer.recipe.RolloutSpec;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.rollout.RolloutEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One RL step, as DESIGN.md draws it, top to bottom with a timer around each phase: prompts → n samples each →
 * rewards → DAPO dynamic sampling → old log-probs (+ values, + reference log-probs when KL is on) → advantages →
 * PPO update → metrics. The step is a pure function of the weights, the optimizer state, the data cursor and the
 * step number (sampling seeds derive from it), which is what makes resume exact.
 */
public final class RlStep {

    /** The channel name of the overlong penalty for estimators that normalise channels one by one. */
    static final String OVERLONG_CHANNEL = "overlong";

    private final RlParts parts;
    private final DynamicSamplingFilter filter = new DynamicSamplingFilter(1e-9);

    RlStep(RlParts parts) {
        this.parts = parts;
    }

    /** The outcome of a step: its metrics and the rows it trained on (for rollout dumps). */
    public record Result(Map<String, Double> metrics, List<RolloutRecord> rollouts) {}

    /** Runs step {@code step} (1-based within the stage). */
    public Result run(long step) {
        long started = System.nanoTime();
        PhaseTimer timer = new PhaseTimer();
        RolloutSpec rollout = parts.rollout();
        AlgorithmSpec algorithm = parts.algorithm();

        Sampled sampled = sampleAndScore(step, timer);
        List<Trajectory> rows = trajectories(sampled.groups);
        List<Trajectory> trainable = rows.stream().filter(t -> t.reward.usable())
                .filter(t -> !(algorithm.maskTruncated() && t.truncated())).toList();

        Policy policy = parts.policy();
        ValueHead valueHead = parts.valueHead();
        timer.time(MetricNames.OLD_LOG_PROB, () -> parts.passes().oldLogProbs(policy.model(), valueHead, trainable));
        Qwen2Model reference = parts.reference();
        if (reference != null) {
            timer.time(MetricNames.REF, () -> parts.passes().referenceLogProbs(reference, trainable));
        }
        timer.time(MetricNames.ADV, () -> advantages(sampled.groups.size(), trainable));

        List<List<Trajectory>> byGroup = groupRows(trainable, sampled.groups.size());
        Map<String, Double> actor = timer.time(MetricNames.UPDATE_ACTOR, () -> parts.update().run(byGroup));

        Map<String, Double> metrics = new LinkedHashMap<>(StepMetrics.of(rows, trainable, rollout.maxNewTokens()));
        metrics.putAll(actor);
        metrics.putAll(parts.checks().metrics(rows));
        metrics.putAll(sampled.rewardMetrics);
        metrics.put(MetricNames.KEPT_GROUP_RATIO, sampled.keptRatio);
        metrics.put(MetricNames.SAMPLING_ROUNDS, (double) sampled.rounds);
        metrics.putAll(timer.metrics());
        double seconds = (System.nanoTime() - started) / 1e9;
        metrics.put(MetricNames.timing(MetricNames.STEP), seconds);
        metrics.putAll(parts.perf().metrics(rows, trainable, parts.updateEpochs(), seconds));
        return new Result(metrics, RolloutRecord.of(rows));
    }

    private record Sampled(List<Group> groups, Map<String, Double> rewardMetrics, double keptRatio, int rounds) {}

    /** Samples and scores rounds of prompts; with dynamic sampling, drops all-equal groups and samples again. */
    private Sampled sampleAndScore(long step, PhaseTimer timer) {
        RolloutSpec rollout = parts.rollout();
        AlgorithmSpec.DynamicSampling dynamic = parts.algorithm().dynamicSampling();
        int rounds = dynamic.enabled() ? Math.max(1, dynamic.maxRounds()) : 1;
        List<Group> kept = new ArrayList<>();
        MetricMeans rewardMeans = new MetricMeans();
        int sampledGroups = 0;
        int skipped = 0;
        int round = 0;
        while (round < rounds && kept.size() < rollout.promptsPerStep()) {
            List<Prompt> drawn = parts.source().nextBatch(rollout.promptsPerStep());
            if (drawn.isEmpty()) {
                throw new NoSuchElementException("the stage's prompt source ran out at step " + step
                        + "; give it more data or set data.epochs: 0 (endless)");
            }
            List<Prompt> prompts = drawn.stream()
                    .filter(p -> parts.policy().promptIds(p).length <= rollout.maxPromptTokens()).toList();
            skipped += drawn.size() - prompts.size();
            if (prompts.isEmpty()) {
                round++;
                continue;
            }
            SamplingParams params = parts.samplingParams(step, round);
            List<Completion> completions = timer.time(MetricNames.GEN, () -> generate(prompts, rollout.n(), params));
            ScoredBatch scored = timer.time(MetricNames.REWARD, () -> score(prompts, rollout.n(), completions));
            rewardMeans.add(scored.metrics());
            for (int i = 0; i < prompts.size(); i++) {
                int from = i * rollout.n();
                Group g = new Group(prompts.get(i), completions.subList(from, from + rollout.n()),
                        scored.rewards().subList(from, from + rollout.n()));
                sampledGroups++;
                if (!dynamic.enabled() || keeps(g, dynamic.rewards())) {
                    kept.add(g);
                }
            }
            round++;
        }
        List<Group> used = kept.size() > rollout.promptsPerStep() ? kept.subList(0, rollout.promptsPerStep()) : kept;
        Map<String, Double> rewardMetrics = new LinkedHashMap<>(rewardMeans.means());
        rewardMetrics.put("prompt_length/skipped_too_long", (double) skipped);
        return new Sampled(List.copyOf(used), rewardMetrics, kept.size() / (double) Math.max(1, sampledGroups),
                round);
    }

    private List<Completion> generate(List<Prompt> prompts, int n, SamplingParams params) {
        try (ProgressBar bar = parts.progress().start(MetricNames.GEN, (long) prompts.size() * n)) {
            return parts.engine().generate(prompts, n, params, bar::advance);
        }
    }

    private ScoredBatch score(List<Prompt> prompts, int n, List<Completion> completions) {
        List<Prompt> repeated = new ArrayList<>(completions.size());
        prompts.forEach(p -> {
            for (int k = 0; k < n; k++) {
                repeated.add(p);
            }
        });
        try {
            return parts.scorer().score(repeated, completions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        }
    }

    /**
     * Whether the group carries a signal on the listed reward functions (any of them tells its samples apart), or on
     * the whole reward when none is listed or none applies to the prompt.
     */
    private boolean keeps(Group g, List<String> judges) {
        boolean judged = false;
        for (String name : judges) {
            List<ScoredResponse> column = new ArrayList<>(g.size());
            for (int i = 0; i < g.size(); i++) {
                dev.orl.rewards.Reward reward = g.rewards().get(i);
                Double score = reward.usable() ? reward.components().get(name) : null;
                column.add(ScoredResponse.outcome(score, g.completions().get(i).responseIds().length));
            }
            if (column.stream().anyMatch(ScoredResponse::usable)) {
                judged = true;
                if (filter.keeps(column)) {
                    return true;
                }
            }
        }
        return !judged && filter.keeps(outcomes(g));
    }

    private List<ScoredResponse> outcomes(Group g) {
        List<ScoredResponse> out = new ArrayList<>(g.size());
        for (int i = 0; i < g.size(); i++) {
            out.add(ScoredResponse.outcome(shapedScore(g.rewards().get(i), g.completions().get(i)),
                    g.completions().get(i).responseIds().length));
        }
        return out;
    }

    private Double shapedScore(dev.orl.rewards.Reward reward, Completion completion) {
        if (!reward.usable()) {
            return null;
        }
        return reward.score() + parts.overlong().penalty(completion.responseIds().length);
    }

    private List<Trajectory> trajectories(List<Group> groups) {
        List<Trajectory> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            for (int i = 0; i < group.size(); i++) {
                rows.add(new Trajectory(group.prompt(), group.completions().get(i), group.rewards().get(i), g));
            }
        }
        return rows;
    }

    /** Advantages over the trainable rows, grouped by prompt; KL in the reward shapes token rewards first. */
    private void advantages(int groupCount, List<Trajectory> rows) {
        AdvantageEstimator estimator = parts.estimator();
        AlgorithmSpec.Kl kl = parts.algorithm().kl();
        boolean klInReward = kl.enabled() && kl.applyTo() == AlgorithmSpec.Kl.Target.REWARD;
        List<List<ScoredResponse>> groups = new ArrayList<>();
        List<List<Trajectory>> byGroup = groupRows(rows, groupCount);
        for (List<Trajectory> group : byGroup) {
            List<ScoredResponse> scored = new ArrayList<>();
            for (Trajectory t : group) {
                ScoredResponse r = ScoredResponse.outcome(shapedScore(t.reward, t.completion), t.responseLength());
                if (estimator.needsChannels()) {
                    r = r.withChannels(channels(t));
                }
                if (klInReward) {
                    r = r.withTokenPenalty(klPerToken(t), kl.coef());
                }
                if (estimator.needsValues()) {
                    r = r.withValues(toDouble(t.oldValues));
                }
                scored.add(r);
            }
            groups.add(scored);
        }
        AdvantageResult result = estimator.estimate(groups);
        List<Trajectory> flat = byGroup.stream().flatMap(List::stream).toList();
        for (int i = 0; i < flat.size(); i++) {
            flat.get(i).advantages = result.advantages().get(i);
            flat.get(i).returns = result.returns().get(i);
        }
    }

    /**
     * The weighted parts of a trajectory's score: the reward's channels, plus the overlong penalty as one more
     * channel at weight 1 when it applies.
     */
    private Map<String, ScoredResponse.Channel> channels(Trajectory t) {
        Map<String, ScoredResponse.Channel> out = new LinkedHashMap<>();
        if (!t.reward.usable()) {
            return out;
        }
        parts.scorer().reward().channelWeights(t.prompt.dataSource(), t.reward).forEach((name, weight) ->
                out.put(name, new ScoredResponse.Channel(t.reward.components().get(name), weight)));
        double penalty = parts.overlong().penalty(t.responseLength());
        if (penalty != 0) {
            out.put(OVERLONG_CHANNEL, new ScoredResponse.Channel(penalty, 1));
        }
        return out;
    }

    private static double[] klPerToken(Trajectory t) {
        double[] d = new double[t.responseLength()];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.oldLogProbs[i] - t.refLogProbs[i];
        }
        return d;
    }

    private static List<List<Trajectory>> groupRows(List<Trajectory> rows, int groupCount) {
        List<List<Trajectory>> out = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            out.add(new ArrayList<>());
        }
        rows.forEach(t -> out.get(t.group).add(t));
        out.removeIf(List::isEmpty);
        return out;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The overlong penalty of a stage (0 everywhere when its buffer is 0). */
    static OverlongPenalty overlong(RolloutSpec rollout, AlgorithmSpec algorithm) {
        return new OverlongPenalty(rollout.maxNewTokens(), algorithm.overlong().buffer(),
                algorithm.overlong().penalty());
    }
}
