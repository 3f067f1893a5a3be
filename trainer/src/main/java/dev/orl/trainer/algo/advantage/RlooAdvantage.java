package dev.orl.trainer.algo.advantage;

import java.util.List;

/**
 * RLOO: each response's score minus the mean score of the other usable responses of its group (leave one out),
 * broadcast to every token. Groups with fewer than two usable scores get zero advantage.
 */
public final class RlooAdvantage implements AdvantageEstimator {

    public RlooAdvantage(EstimatorSettings settings) {
        // RLOO has no knobs; the constructor keeps every estimator creatable the same way.
    }

    @Override
    public String name() {
        return "rloo";
    }

    @Override
    public int minGroupSize() {
        return 2;
    }

    @Override
    public AdvantageResult estimate(List<List<ScoredResponse>> groups) {
        return GroupRelative.estimate(groups, (score, group) -> score - (group.sum() - score) / (group.count() - 1));
    }
}
