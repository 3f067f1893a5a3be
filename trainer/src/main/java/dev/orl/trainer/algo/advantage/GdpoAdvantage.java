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
        int n = 0;
        double sum = 0;
        for (int i = 0; i < group.size(); i++) {
            ScoredResponse.Channel c = channels.get(i).get(name);
            if (group.get(i).usable() && c != null) {
                n++;
                sum += c.value();
            }
        }
        if (n < 2) {
            return;
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < group.size(); i++) {
            ScoredResponse.Channel c = channels.get(i).get(name);
            if (group.get(i).usable() && c != null) {
                squares += (c.value() - mean) * (c.value() - mean);
            }
        }
        double scale = normByStd ? Math.sqrt(squares / (n - 1)) + epsilon : 1;
        for (int i = 0; i < group.size(); i++) {
            ScoredResponse.Channel c = channels.get(i).get(name);
            if (group.get(i).usable() && c != null) {
                values[start + i] += c.weight() * (c.value() - mean) / scale;
            }
        }
    }

    /** Centres the counted sums on their batch mean and divides them by their batch standard deviation plus ε. */
    private void normaliseOverBatch(double[] values, boolean[] counted) {
        int n = 0;
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (counted[i]) {
                n++;
                sum += values[i];
            }
        }
        if (n == 0) {
            return;
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            if (counted[i]) {
                squares += (values[i] - mean) * (values[i] - mean);
            }
        }
        double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = counted[i] ? (values[i] - mean) / (std + epsilon) : 0;
        }
    }
}
