package dev.orl.trainer.algo.advantage;

import java.util.List;

/**
 * Outcome advantages that compare each response's score with the rest of its group (GRPO, RLOO): one value per
 * response, broadcast to its tokens.
 */
final class GroupRelative {

    /** The advantage of one usable response from its score and its group's statistics. */
    @FunctionalInterface
    interface Advantage {

        /** Called only for groups with at least two usable scores. */
        double of(double score, GroupStats group);
    }

    private GroupRelative() {}

    /**
     * Applies {@code advantage} to every usable response. A group with fewer than two usable scores has no baseline
     * to compare against, so all its responses get zero; unusable responses get zero too.
     */
    static AdvantageResult estimate(List<List<ScoredResponse>> groups, Advantage advantage) {
        List<ScoredResponse> flat = AdvantageEstimator.flatten(groups);
        double[] values = new double[flat.size()];
        boolean[] usable = new boolean[flat.size()];
        int i = 0;
        for (List<ScoredResponse> group : groups) {
            GroupStats stats = GroupStats.of(group);
            for (ScoredResponse r : group) {
                usable[i] = r.usable();
                if (r.usable() && stats.count() > 1) {
                    values[i] = advantage.of(r.total(), stats);
                }
                i++;
            }
        }
        return AdvantageResult.broadcast(flat, values, usable);
    }
}
