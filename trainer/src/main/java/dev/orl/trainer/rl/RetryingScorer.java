package dev.orl.trainer.rl;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.rewards.registry.ScoredBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a batch, then scores again, up to {@code retries} times, the completions whose judge failed for
 * infrastructure reasons ({@code ERROR}, {@code TIMEOUT}); what still fails after that is counted and excluded,
 * never scored 0 (recipe key {@code scoring.retries}).
 */
final class RetryingScorer {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingScorer.class);

    private final RewardScorer scorer;
    private final int retries;

    RetryingScorer(RewardScorer scorer, int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        }
        this.scorer = scorer;
        this.retries = retries;
    }

    /** The combined reward the scorer judges with. */
    dev.orl.rewards.registry.CompositeReward reward() {
        return scorer.reward();
    }

    ScoredBatch score(List<Prompt> prompts, List<Completion> completions) throws InterruptedException {
        ScoredBatch batch = scorer.score(prompts, completions);
        for (int attempt = 1; attempt <= retries; attempt++) {
            List<Integer> failed = failed(batch);
            if (failed.isEmpty()) {
                break;
            }
            LOG.debug("retry {}/{}: scoring {} failed rewards again", attempt, retries, failed.size());
            ScoredBatch again = scorer.score(pick(prompts, failed), pick(completions, failed));
            batch = merge(batch, failed, again);
        }
        return batch;
    }

    private static List<Integer> failed(ScoredBatch batch) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < batch.rewards().size(); i++) {
            Reward.Status s = batch.rewards().get(i).status();
            if (s == Reward.Status.ERROR || s == Reward.Status.TIMEOUT) {
                out.add(i);
            }
        }
        return out;
    }

    private static <T> List<T> pick(List<T> all, List<Integer> at) {
        return at.stream().map(all::get).toList();
    }

    /**
     * {@code batch} with the rewards at {@code at} replaced by {@code again}'s; counts are recounted and each
     * function's mean is taken over the finite components of the merged rewards.
     */
    static ScoredBatch merge(ScoredBatch batch, List<Integer> at, ScoredBatch again) {
        List<Reward> rewards = new ArrayList<>(batch.rewards());
        for (int i = 0; i < at.size(); i++) {
            rewards.set(at.get(i), again.rewards().get(i));
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Reward r : rewards) {
            r.components().forEach((name, v) -> {
                if (v != null && Double.isFinite(v)) {
                    double[] sum = sums.computeIfAbsent(name, k -> new double[2]);
                    sum[0] += v;
                    sum[1]++;
                }
            });
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
        return ScoredBatch.of(rewards, means, batch.repeatRatio());
    }
}
