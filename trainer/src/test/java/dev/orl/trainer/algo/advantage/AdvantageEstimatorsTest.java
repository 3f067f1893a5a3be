package dev.orl.trainer.algo.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins every estimator against values computed by hand (the arithmetic is written out next to each number). */
class AdvantageEstimatorsTest {

    private static final double TOL = 1e-5;
    private final AdvantageEstimators registry = AdvantageEstimators.builtIn();

    private static ScoredResponse scored(Double score, int length) {
        return ScoredResponse.outcome(score, length);
    }

    private static void assertRow(double[] expected, double[] actual, String what) {
        assertArrayEquals(expected, actual, TOL, what + ": expected " + Arrays.toString(expected) + " but got "
                + Arrays.toString(actual));
    }

    private AdvantageResult run(String name, EstimatorSettings settings, List<List<ScoredResponse>> groups) {
        return registry.create(name, settings).estimate(groups);
    }

    @Test
    void grpoDividesCentredScoresByTheGroupsUnbiasedStd() {
        // scores 1, 2, 4: mean 7/3, deviations -4/3, -1/3, 5/3, unbiased variance (16+1+25)/9/2 = 7/3
        AdvantageResult r = run("grpo", EstimatorSettings.defaults(),
                List.of(List.of(scored(1.0, 2), scored(2.0, 1), scored(4.0, 3))));
        double std = Math.sqrt(7.0 / 3) + 1e-6;
        assertRow(new double[] {-4.0 / 3 / std, -4.0 / 3 / std}, r.advantages().get(0), "response 0 broadcast");
        assertRow(new double[] {-1.0 / 3 / std}, r.advantages().get(1), "response 1");
        assertRow(new double[] {5.0 / 3 / std, 5.0 / 3 / std, 5.0 / 3 / std}, r.advantages().get(2), "response 2");
    }

    @Test
    void grpoWithoutStdNormalizationIsDrGrpo() {
        AdvantageResult r = run("grpo", new EstimatorSettings(false, 1, 1, 1e-6),
                List.of(List.of(scored(1.0, 1), scored(2.0, 1), scored(4.0, 1))));
        assertRow(new double[] {-4.0 / 3}, r.advantages().get(0), "response 0");
        assertRow(new double[] {-1.0 / 3}, r.advantages().get(1), "response 1");
        assertRow(new double[] {5.0 / 3}, r.advantages().get(2), "response 2");
    }

    @Test
    void unusableScoresAreExcludedFromTheGroupAndGetZero() {
        AdvantageResult r = run("grpo", new EstimatorSettings(false, 1, 1, 1e-6),
                List.of(List.of(scored(1.0, 1), scored(null, 2), scored(2.0, 1), scored(4.0, 1))));
        assertFalse(r.usable()[1], "the null score must be marked unusable");
        assertTrue(r.usable()[0] && r.usable()[2] && r.usable()[3], "the scored responses stay usable");
        assertRow(new double[] {0, 0}, r.advantages().get(1), "unusable response");
        assertRow(new double[] {-4.0 / 3}, r.advantages().get(0), "mean must be 7/3, not (1+0+2+4)/4");
    }

    @Test
    void aGroupWithOneUsableScoreHasNoBaselineAndGetsZero() {
        AdvantageResult r = run("grpo", EstimatorSettings.defaults(),
                List.of(List.of(scored(5.0, 2), scored(null, 1))));
        assertRow(new double[] {0, 0}, r.advantages().get(0), "lone response");
    }

    @Test
    void groupsAreNormalizedSeparately() {
        AdvantageResult r = run("grpo", new EstimatorSettings(false, 1, 1, 0),
                List.of(List.of(scored(0.0, 1), scored(1.0, 1)), List.of(scored(10.0, 1), scored(30.0, 1))));
        assertEquals(-0.5, r.advantages().get(0)[0], TOL, "group 1: 0 - 0.5");
        assertEquals(-10.0, r.advantages().get(2)[0], TOL, "group 2: 10 - 20");
    }

    @Test
    void rlooSubtractsTheMeanOfTheOthers() {
        // 1 - (2+4)/2 = -2; 2 - (1+4)/2 = -0.5; 4 - (1+2)/2 = 2.5
        AdvantageResult r = run("rloo", EstimatorSettings.defaults(),
                List.of(List.of(scored(1.0, 1), scored(2.0, 2), scored(4.0, 1), scored(null, 1))));
        assertRow(new double[] {-2}, r.advantages().get(0), "response 0");
        assertRow(new double[] {-0.5, -0.5}, r.advantages().get(1), "response 1");
        assertRow(new double[] {2.5}, r.advantages().get(2), "response 2");
        assertRow(new double[] {0}, r.advantages().get(3), "unusable response");
    }

    @Test
    void reinforcePlusPlusDiscountsTokenRewardsIntoReturns() {
        // score 1 on the last of 3 tokens, gamma 0.5: G2 = 1, G1 = 0.5, G0 = 0.25
        AdvantageResult r = run("reinforce_pp", new EstimatorSettings(true, 0.5, 1, 1e-6),
                List.of(List.of(scored(1.0, 3))));
        assertRow(new double[] {0.25, 0.5, 1.0}, r.returns().get(0), "returns");
    }

    @Test
    void reinforcePlusPlusWhitensReturnsOverTheBatch() {
        // returns [1,1,1] and [0,0]: mean 0.6, unbiased var (3*0.16 + 2*0.36)/4 = 0.3
        AdvantageResult r = run("reinforce_pp", EstimatorSettings.defaults(),
                List.of(List.of(scored(1.0, 3)), List.of(scored(0.0, 2))));
        double sd = Math.sqrt(0.3 + 1e-8);
        assertRow(new double[] {0.4 / sd, 0.4 / sd, 0.4 / sd}, r.advantages().get(0), "response 0");
        assertRow(new double[] {-0.6 / sd, -0.6 / sd}, r.advantages().get(1), "response 1");
    }

    @Test
    void klInTheRewardShapesEveryTokensReturn() {
        // rewards [0,0,1] - 0.5*[0.1,0.2,0.3] = [-0.05,-0.1,0.85]; gamma 1: returns 0.7, 0.75, 0.85
        ScoredResponse shaped = scored(1.0, 3).withTokenPenalty(new double[] {0.1, 0.2, 0.3}, 0.5);
        AdvantageResult r = run("reinforce_pp", EstimatorSettings.defaults(), List.of(List.of(shaped)));
        assertRow(new double[] {0.7, 0.75, 0.85}, r.returns().get(0), "returns with KL penalty");
    }

    @Test
    void reinforcePlusPlusBaselineSubtractsGroupMeanThenWhitensGlobally() {
        // group 1: 1 (2 tokens), 0 (1 token), mean 0.5 -> +0.5,+0.5,-0.5; group 2: 3, 3 -> 0, 0
        // tokens [0.5,0.5,-0.5,0,0]: mean 0.1, unbiased var (0.16+0.16+0.36+0.01+0.01)/4 = 0.175
        AdvantageResult r = run("reinforce_pp_baseline", EstimatorSettings.defaults(),
                List.of(List.of(scored(1.0, 2), scored(0.0, 1)), List.of(scored(3.0, 1), scored(3.0, 1))));
        double sd = Math.sqrt(0.175 + 1e-8);
        assertRow(new double[] {0.4 / sd, 0.4 / sd}, r.advantages().get(0), "response 0");
        assertRow(new double[] {-0.6 / sd}, r.advantages().get(1), "response 1");
        assertRow(new double[] {-0.1 / sd}, r.advantages().get(2), "response 2");
        assertRow(new double[] {-0.1 / sd}, r.advantages().get(3), "response 3");
    }

    @Test
    void gaeComputesReturnsFromTemporalDifferences() {
        // rewards [0,0,1], values [0.5,0.6,0.7], gamma 1, lambda 0.5:
        // d2 = 1 - 0.7 = 0.3, A2 = 0.3; d1 = 0.7 - 0.6 = 0.1, A1 = 0.1 + 0.5*0.3 = 0.25;
        // d0 = 0.6 - 0.5 = 0.1, A0 = 0.1 + 0.5*0.25 = 0.225; returns = A + V
        ScoredResponse r0 = scored(1.0, 3).withValues(new double[] {0.5, 0.6, 0.7});
        AdvantageResult r = run("gae", new EstimatorSettings(true, 1.0, 0.5, 1e-6), List.of(List.of(r0)));
        assertRow(new double[] {0.725, 0.85, 1.0}, r.returns().get(0), "GAE returns");
        // whitened [0.225, 0.25, 0.3]: mean 0.258333, unbiased var 0.00291667/2
        double mean = (0.225 + 0.25 + 0.3) / 3;
        double var = (Math.pow(0.225 - mean, 2) + Math.pow(0.25 - mean, 2) + Math.pow(0.3 - mean, 2)) / 2;
        double sd = Math.sqrt(var + 1e-8);
        assertRow(new double[] {(0.225 - mean) / sd, (0.25 - mean) / sd, (0.3 - mean) / sd},
                r.advantages().get(0), "whitened GAE advantages");
    }

    @Test
    void gaeWithDiscountAppliesGammaToNextValue() {
        // rewards [0,1], values [0.2,0.4], gamma 0.9, lambda 1: d1 = 1 - 0.4 = 0.6, A1 = 0.6;
        // d0 = 0.9*0.4 - 0.2 = 0.16, A0 = 0.16 + 0.9*0.6 = 0.7; returns 0.9, 1.0
        ScoredResponse r0 = scored(1.0, 2).withValues(new double[] {0.2, 0.4});
        AdvantageResult r = run("gae", new EstimatorSettings(true, 0.9, 1.0, 1e-6), List.of(List.of(r0)));
        assertRow(new double[] {0.9, 1.0}, r.returns().get(0), "discounted GAE returns");
    }

    @Test
    void gaeRefusesResponsesWithoutValues() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> run("gae", EstimatorSettings.defaults(), List.of(List.of(scored(1.0, 2)))));
        assertTrue(e.getMessage().contains("values"), e.getMessage());
    }

    @Test
    void unknownEstimatorNamesListTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> registry.create("grp", EstimatorSettings.defaults()));
        assertTrue(e.getMessage().contains("grpo, rloo, reinforce_pp, reinforce_pp_baseline, gae, gdpo"), e.getMessage());
    }

    @Test
    void aResearcherAddsAnEstimatorByName() {
        AdvantageEstimators extended = registry.with("constant", s -> new AdvantageEstimator() {
            @Override
            public String name() {
                return "constant";
            }

            @Override
            public AdvantageResult estimate(List<List<ScoredResponse>> groups) {
                List<ScoredResponse> flat = AdvantageEstimator.flatten(groups);
                boolean[] usable = new boolean[flat.size()];
                Arrays.fill(usable, true);
                return AdvantageResult.broadcast(flat, new double[flat.size()], usable);
            }
        });
        assertEquals("constant", extended.create("constant", EstimatorSettings.defaults()).name());
        assertFalse(registry.names().contains("constant"), "the original registry must not change");
    }
}
