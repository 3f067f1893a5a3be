package dev.orl.trainer.algo.advantage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GDPO (group reward-decoupled normalisation, Liu et al. 2026): each channel of the score (a reward function, or one
 * instruction of an IFEval reward) is normalised within its group on its own, the normalised channels are summed
 * with their weights, and the sums are normalised over the whole batch. GRPO normalises the weighted sum instead,
 * which gives one value to responses that earn the same total from different parts (one instruction followed out
 * of two, whichever it is); here following the instruction the group rarely follows counts for more.
 *
 * <p>Within a group a channel is centred on its mean and, with {@code normByStd}, divided by its unbiased standard
 * deviation plus ε; a channel the whole group scores alike contributes nothing. A response without channels is one
 * channel, its score at weight 1. A group with fewer than two usable scores gets zero advantages and stays out of
 * the batch statistics, as do unusable responses.
 */
public final class GdpoAdvantage implements AdvantageEstimator {

    private static final String WHOLE_SCORE = "";

    private final boolean normByStd;
    private final double epsilon;

    public GdpoAdvantage(EstimatorSettings settings) {
        this.normByStd = settings.normByStd();
        this.epsilon = settings.epsilon();
    }

    @Override
    public String name() {
        return "gdpo";
    }

    @Override
    public boolean needsChannels() {
        return true;
    }

    @Override
    public int minGroupSize() {
        return 2;
    }

    @Override
    public AdvantageResult estimate(List<List<ScoredResponse>> groups) {
        List<ScoredResponse> flat = AdvantageEstimator.flatten(groups);
        double[] values = new double[flat.size()];
        boolean[] usable = new boolean[flat.size()];
        boolean[] counted = new boolean[flat.size()];
        int start = 0;
        for (List<ScoredResponse> group : groups) {
            summedGroup(group, values, usable, counted, start);
            start += group.size();
        }
        normaliseOverBatch(values, counted);
        return AdvantageResult.broadcast(flat, values, usable);
    }

    /** Writes the weighted sum of the group-normalised channels of each usable response of {@code group}. */
    private void summedGroup(List<ScoredResponse> group, double[] values, boolean[] usable, boolean[] counted,
            int start) {
        List<Map<String, ScoredResponse.Channel>> channels = new ArrayList<>(group.size());
        int count = 0;
        for (int i = 0; i < group.size(); i++) {
            ScoredResponse r = group.get(i);
            usable[start + i] = r.usable();
            channels.add(r.channels().isEmpty()
                    ? Map.of(WHOLE_SCORE, new ScoredResponse.Channel(r.usable() ? r.total() : 0, 1))
                    : r.channels());
            count += r.usable() ? 1 : 0;
        }
        if (count < 2) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).usable()) {
                names.addAll(channels.get(i).keySet());
            }
        }
        for (String name : names) {
            addNormalised(group, channels, name, values, start);
        }
        for (int i = 0; i < group.size(); i++) {
            counted[start + i] = group.get(i).usable();
        }
    }

    /** Adds channel {@code name}'s weighted, group-normalised value to the usable responses that have it. */
    private void addNormalised(List<ScoredResponse> group, List<Map<String, ScoredResponse.Channel>> channels,
            String name, double[] values, int start) {
        double[] x = new double[group.size()];
        boolean[] has = new boolean[group.size()];
        for (int i = 0; i < group.size(); i++) {
            ScoredResponse.Channel c = channels.get(i).get(name);
            has[i] = group.get(i).usable() && c != null;
            x[i] = has[i] ? c.value() : 0;
        }
        Spread spread = Spread.of(x, has);
        if (spread.count() < 2) {
            return;
        }
        double scale = normByStd ? spread.std() + epsilon : 1;
        for (int i = 0; i < group.size(); i++) {
            if (has[i]) {
                values[start + i] += channels.get(i).get(name).weight() * (x[i] - spread.mean()) / scale;
            }
        }
    }

    /** Centres the counted sums on their batch mean and divides them by their batch standard deviation plus ε. */
    private void normaliseOverBatch(double[] values, boolean[] counted) {
        Spread spread = Spread.of(values, counted);
        for (int i = 0; i < values.length; i++) {
            values[i] = counted[i] ? (values[i] - spread.mean()) / (spread.std() + epsilon) : 0;
        }
    }

    /** Mean, unbiased standard deviation (0 below two values) and count of the selected values. */
    private record Spread(double mean, double std, int count) {

        static Spread of(double[] x, boolean[] selected) {
            int n = 0;
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                if (selected[i]) {
                    n++;
                    sum += x[i];
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double squares = 0;
            for (int i = 0; i < x.length; i++) {
                if (selected[i]) {
                    squares += (x[i] - mean) * (x[i] - mean);
                }
            }
            return new Spread(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
        }
    }
}
