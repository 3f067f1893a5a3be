package dev.orl.rewards.registry;

import dev.orl.rewards.Reward;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rewards of one batch, in input order, with the counts and means the trainer logs.
 *
 * @param rewards one composite reward per completion, in the order they were given
 * @param ok rewards with status OK (including "not applicable", a null score)
 * @param unparseable rewards with status UNPARSEABLE
 * @param error rewards with status ERROR
 * @param timeout rewards with status TIMEOUT
 * @param functionMeans per function name, the mean of its own usable scores (OK, non-null) over the batch; functions
 *     with no usable score in the batch are absent
 * @param repeatRatio the share of (sample, function) judgements copied from an identical sample of the batch
 *     instead of made again (deterministic functions only)
 */
public record ScoredBatch(List<Reward> rewards, int ok, int unparseable, int error, int timeout,
        Map<String, Double> functionMeans, double repeatRatio) {
    public ScoredBatch {
        rewards = List.copyOf(rewards);
        functionMeans = Map.copyOf(functionMeans);
    }

    /** A batch of these rewards, with the status counts read off them. */
    public static ScoredBatch of(List<Reward> rewards, Map<String, Double> functionMeans, double repeatRatio) {
        int[] byStatus = new int[Reward.Status.values().length];
        rewards.forEach(r -> byStatus[r.status().ordinal()]++);
        return new ScoredBatch(rewards, byStatus[Reward.Status.OK.ordinal()],
                byStatus[Reward.Status.UNPARSEABLE.ordinal()], byStatus[Reward.Status.ERROR.ordinal()],
                byStatus[Reward.Status.TIMEOUT.ordinal()], functionMeans, repeatRatio);
    }

    /** How many rewards may enter advantage computation (OK with a score). */
    public long usable() {
        return rewards.stream().filter(Reward::usable).count();
    }

    /**
     * Metric lines for this batch: {@code reward/<function>/mean}, {@code reward/unparseable_ratio},
     * {@code reward/error_ratio} (errors and timeouts: the judge's fault), {@code reward/timeout_ratio} and
     * {@code reward/repeat_ratio}.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        functionMeans.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> metrics.put("reward/" + entry.getKey() + "/mean", entry.getValue()));
        double n = Math.max(1, rewards.size());
        metrics.put("reward/unparseable_ratio", unparseable / n);
        metrics.put("reward/error_ratio", (error + timeout) / n);
        metrics.put("reward/timeout_ratio", timeout / n);
        metrics.put("reward/repeat_ratio", repeatRatio);
        return metrics;
    }
}
