package dev.orl.trainer.algo.advantage;

import java.util.List;

/**
 * GRPO: each response's score minus its group's mean, divided by the group's (unbiased) standard deviation plus ε
 * when {@code normByStd} is on; without that division this is Dr.GRPO. The value is broadcast to every token.
 *
 * <p>A group with fewer than two usable scores has no baseline to compare against, so its responses get zero
 * advantage (verl instead passes the raw score through, which rewards whatever a lone sample did).
 */
public final class GrpoAdvantage implements AdvantageEstimator {

    private final boolean normByStd;
    private final double epsilon;

    public GrpoAdvantage(EstimatorSettings settings) {
        this.normByStd = settings.normByStd();
        this.epsilon = settings.epsilon();
    }

    @Override
    public String name() {
        return "grpo";
    }

    @Override
    public int minGroupSize() {
        return 2;
    }

    @Override
    public AdvantageResult estimate(List<List<ScoredResponse>> groups) {
        return GroupRelative.estimate(groups, (score, group) -> {
            double centred = score - group.mean();
            return normByStd ? centred / (group.std() + epsilon) : centred;
        });
    }
}
