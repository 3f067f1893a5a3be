package dev.orl.trainer.rl;

import dev.orl.trainer.metrics.MetricNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data metrics of a step under verl's names: scores (overall and per data source), lengths, advantages, and how
 * many responses of each data source the update trained on.
 */
final class StepMetrics {

    private StepMetrics() {}

    static Map<String, Double> of(List<Trajectory> rows, List<Trajectory> trained, int maxNewTokens) {
        Map<String, Double> m = new LinkedHashMap<>();
        Stats score = new Stats();
        Map<String, Stats> bySource = new TreeMap<>();
        for (Trajectory t : rows) {
            if (t.reward.usable()) {
                score.add(t.reward.score());
                bySource.computeIfAbsent(t.prompt.dataSource(), k -> new Stats()).add(t.reward.score());
            }
        }
        score.put(m, MetricNames.SCORE);
        bySource.forEach((source, s) -> m.put(MetricNames.scoreBySource(source), s.mean()));

        Stats rewards = new Stats();
        Stats advantages = new Stats();
        Stats returns = new Stats();
        Stats values = new Stats();
        for (Trajectory t : trained) {
            if (t.advantages == null) {
                continue;
            }
            for (int i = 0; i < t.responseLength(); i++) {
                advantages.add(t.advantages[i]);
                returns.add(t.returns[i]);
                if (t.oldValues != null) {
                    values.add(t.oldValues[i]);
                }
            }
            rewards.add(t.reward.score());
        }
        m.put(MetricNames.REWARDS + "/mean", rewards.mean());
        advantages.put(m, MetricNames.ADVANTAGES);
        m.put(MetricNames.RETURNS + "/mean", returns.mean());
        if (values.n > 0) {
            m.put(MetricNames.VALUES + "/mean", values.mean());
        }

        Stats length = new Stats();
        Stats promptLength = new Stats();
        int clipped = 0;
        for (Trajectory t : rows) {
            length.add(t.responseLength());
            promptLength.add(t.completion.promptIds().length);
            clipped += t.truncated() && t.responseLength() >= maxNewTokens ? 1 : 0;
        }
        length.put(m, MetricNames.RESPONSE_LENGTH);
        m.put(MetricNames.RESPONSE_CLIP_RATIO, clipped / (double) Math.max(1, rows.size()));
        m.put(MetricNames.PROMPT_LENGTH + "/mean", promptLength.mean());
        m.put("batch/responses", (double) rows.size());
        m.put(MetricNames.TRAINED_RESPONSES, (double) trained.size());
        // which sources the update learned from: dynamic sampling and reward faults change the mix the data drew
        Map<String, Integer> trainedBySource = new TreeMap<>();
        rows.forEach(t -> trainedBySource.putIfAbsent(t.prompt.dataSource(), 0));
        trained.forEach(t -> trainedBySource.merge(t.prompt.dataSource(), 1, Integer::sum));
        trainedBySource.forEach((source, n) -> m.put(MetricNames.trainedBySource(source), (double) n));
        return m;
    }

    /** Mean, max and min of a stream of values. */
    private static final class Stats {
        double sum;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        long n;

        void add(double v) {
            sum += v;
            max = Math.max(max, v);
            min = Math.min(min, v);
            n++;
        }

        double mean() {
            return n == 0 ? Double.NaN : sum / n;
        }

        void put(Map<String, Double> m, String prefix) {
            m.put(prefix + "/mean", mean());
            m.put(prefix + "/max", n == 0 ? Double.NaN : max);
            m.put(prefix + "/min", n == 0 ? Double.NaN : min);
        }
    }
}
