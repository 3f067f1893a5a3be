package dev.orl.trainer.pipeline;

import dev.orl.eval.bench.ProgressBar;
import dev.orl.eval.stats.PassAtK;
import dev.orl.model.sampling.Completion;
import dev.orl.model.sampling.SamplingParams;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.registry.CompositeReward;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.rewards.registry.ScoredBatch;
import dev.orl.trainer.metrics.MetricNames;
import dev.orl.trainer.metrics.Progress;
import dev.orl.trainer.recipe.ValidationSpec;
import dev.orl.trainer.rollout.LocalRolloutEngine;
import dev.orl.trainer.rollout.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the policy on the recipe's held-out sets, the same in every stage: greedy accuracy
 * ({@code val-core/<set>/acc/greedy}), mean accuracy over n samples ({@code acc/mean@n}) and unbiased pass@k.
 * A response counts as correct when its reward is above 0.5; unjudged responses count as wrong and are reported.
 */
public final class ValidationRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationRunner.class);

    /** One held-out set with the rewards that judge it. */
    public record Set(String name, List<Prompt> prompts, RewardScorer scorer) {}

    private final ValidationSpec spec;
    private final List<Set> sets;
    private final long seed;
    private final Progress progress;

    /** Validates {@code sets}; {@code progress} draws the generation of all of them, counted in responses. */
    public ValidationRunner(ValidationSpec spec, List<Set> sets, long seed, Progress progress) {
        this.spec = spec;
        this.sets = List.copyOf(sets);
        this.seed = seed;
        this.progress = progress;
    }

    /** A scorer for a validation set's rewards. */
    public static RewardScorer scorer(CompositeReward reward) {
        return new RewardScorer(reward, 4, Duration.ofSeconds(30));
    }

    /** True when there is anything to validate. */
    public boolean isEmpty() {
        return sets.isEmpty();
    }

    /** Validation metrics of {@code policy}; {@code maxNewTokens} when the recipe leaves it to the stage. */
    public Map<String, Double> run(Policy policy, int maxNewTokens) {
        Map<String, Double> m = new LinkedHashMap<>();
        LocalRolloutEngine engine = new LocalRolloutEngine(policy, 128);
        int limit = spec.maxNewTokens() == null ? maxNewTokens : spec.maxNewTokens();
        int n = spec.n();
        long responses = sets.stream().mapToLong(s -> (long) s.prompts().size() * ((spec.greedy() ? 1 : 0) + n)).sum();
        try (ProgressBar bar = progress.start("val", responses)) {
            for (Set set : sets) {
                List<Prompt> prompts = set.prompts();
                if (spec.greedy()) {
                    List<Completion> c = engine.generate(prompts, 1, SamplingParams.greedy(limit, policy.stopIds()),
                            bar::advance);
                    boolean[] correct = correct(set, prompts, 1, c, m);
                    m.put(MetricNames.validationGreedy(set.name()), mean(correct));
                }
                SamplingParams sampling = new SamplingParams(Math.max(spec.temperature(), 1e-3), spec.topK(),
                        spec.topP(), spec.temperature() == 0, limit, policy.stopIds(), List.of(), seed);
                List<Completion> c = engine.generate(prompts, n, sampling, bar::advance);
                boolean[] correct = correct(set, prompts, n, c, m);
                m.put(MetricNames.validationMean(set.name(), n), mean(correct));
                for (int k : spec.passAtK()) {
                    m.put(MetricNames.validationPassAtK(set.name(), k), passAtK(correct, n, k));
                }
            }
        }
        return m;
    }

    /**
     * Which completions are correct; also reports {@code val-core/<set>/unjudged_ratio}, the share no reward
     * judged (a set whose data source no reward applies to shows 1 here, not a silent 0 accuracy).
     */
    private static boolean[] correct(Set set, List<Prompt> prompts, int n, List<Completion> completions,
            Map<String, Double> metrics) {
        List<Prompt> repeated = new ArrayList<>();
        prompts.forEach(p -> {
            for (int i = 0; i < n; i++) {
                repeated.add(p);
            }
        });
        ScoredBatch scored;
        try {
            scored = set.scorer().score(repeated, completions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during validation", e);
        }
        boolean[] out = new boolean[completions.size()];
        int unjudged = 0;
        for (int i = 0; i < out.length; i++) {
            Reward r = scored.rewards().get(i);
            out[i] = r.usable() && r.score() > 0.5;
            unjudged += r.usable() ? 0 : 1;
        }
        if (out.length > 0 && unjudged == out.length) {
            LOG.warn("validation set '{}': no response was judged, so its accuracies read 0 without measuring"
                    + " anything; first failure: {} (check the set's rewards, their data_sources and the judges)",
                    set.name(), scored.rewards().get(0).info().getOrDefault("error", "no reward applies to its"
                            + " data source '" + prompts.get(0).dataSource() + "'"));
        }
        metrics.merge("val-core/" + set.name() + "/unjudged_ratio", unjudged / (double) Math.max(1, out.length),
                Math::max);
        return out;
    }

    private static double mean(boolean[] values) {
        int c = 0;
        for (boolean v : values) {
            c += v ? 1 : 0;
        }
        return values.length == 0 ? Double.NaN : c / (double) values.length;
    }

    /** Unbiased pass@k ({@link PassAtK}) averaged over prompts, {@code n} samples per prompt in order. */
    static double passAtK(boolean[] correct, int n, int k) {
        int[] counts = new int[correct.length / n];
        for (int i = 0; i < counts.length * n; i++) {
            counts[i / n] += correct[i] ? 1 : 0;
        }
        return counts.length == 0 ? Double.NaN
                : Arrays.stream(PassAtK.perProblem(n, counts, k)).average().orElseThrow();
    }

    @Override
    public void close() {
        sets.forEach(s -> s.scorer().close());
    }
}
