package dev.orl.trainer.algo.advantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GDPO against GRPO on groups whose scores are the mean of two instructions, with the arithmetic written out. */
class GdpoAdvantageTest {

    private static final double TOL = 1e-6;
    private final AdvantageEstimators registry = AdvantageEstimators.builtIn();

    /** A response following instruction a and b or not (1/0), scored by their mean, each at weight 1/2. */
    private static ScoredResponse twoInstructions(int a, int b) {
        Map<String, ScoredResponse.Channel> channels = new LinkedHashMap<>();
        channels.put("ifeval/a", new ScoredResponse.Channel(a, 0.5));
        channels.put("ifeval/b", new ScoredResponse.Channel(b, 0.5));
        return ScoredResponse.outcome((a + b) / 2.0, 3).withChannels(channels);
    }

    private static double[] firstTokens(AdvantageResult r) {
        return r.advantages().stream().mapToDouble(a -> a[0]).toArray();
    }

    @Test
    void followingTheInstructionTheGroupRarelyFollowsCountsForMoreThanGrpoGivesIt() {
        // a followed by 3 of 5 responses, b by 1 of 5; responses 0 (a only) and 1 (b only) both score 0.5
        List<List<ScoredResponse>> groups = List.of(List.of(twoInstructions(1, 0), twoInstructions(0, 1),
                twoInstructions(1, 0), twoInstructions(1, 0), twoInstructions(0, 0)));
        double[] grpo = firstTokens(registry.create("grpo", EstimatorSettings.defaults()).estimate(groups));
        double[] gdpo = firstTokens(registry.create("gdpo", EstimatorSettings.defaults()).estimate(groups));
        assertEquals(grpo[0], grpo[1], TOL, "GRPO sees one total for both");
        // a: mean 0.6, std sqrt(1.2/4); b: mean 0.2, std sqrt(0.8/4)
        double stdA = Math.sqrt(0.3) + 1e-6;
        double stdB = Math.sqrt(0.2) + 1e-6;
        double onlyA = 0.5 * (0.4 / stdA - 0.2 / stdB);
        double onlyB = 0.5 * (-0.6 / stdA + 0.8 / stdB);
        double neither = 0.5 * (-0.6 / stdA - 0.2 / stdB);
        double[] sums = {onlyA, onlyB, onlyA, onlyA, neither};
        double[] expected = batchNormalised(sums);
        for (int i = 0; i < sums.length; i++) {
            assertEquals(expected[i], gdpo[i], TOL, "response " + i);
        }
        assertTrue(gdpo[1] > gdpo[0], "b, followed once in five, must count for more than a: " + gdpo[1] + " vs "
                + gdpo[0]);
    }

    @Test
    void withoutChannelsItIsGrpoRescaledOverTheBatch() {
        List<List<ScoredResponse>> groups = List.of(
                List.of(ScoredResponse.outcome(1.0, 1), ScoredResponse.outcome(2.0, 1), ScoredResponse.outcome(4.0, 1)),
                List.of(ScoredResponse.outcome(0.0, 2), ScoredResponse.outcome(1.0, 2)));
        double[] grpo = firstTokens(registry.create("grpo", EstimatorSettings.defaults()).estimate(groups));
        double[] gdpo = firstTokens(registry.create("gdpo", EstimatorSettings.defaults()).estimate(groups));
        double[] expected = batchNormalised(grpo);
        for (int i = 0; i < grpo.length; i++) {
            assertEquals(expected[i], gdpo[i], 1e-5, "response " + i);
        }
    }

    @Test
    void aChannelTheWholeGroupScoresAlikeAddsNothing() {
        // b is followed by all four: only a tells them apart, as if b were not there (at a's weight)
        List<List<ScoredResponse>> withB = List.of(List.of(twoInstructions(1, 1), twoInstructions(0, 1),
                twoInstructions(0, 1), twoInstructions(1, 1)));
        double[] gdpo = firstTokens(registry.create("gdpo", EstimatorSettings.defaults()).estimate(withB));
        double[] expected = batchNormalised(new double[] {1, -1, -1, 1});
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], gdpo[i], 1e-5, "response " + i);
        }
    }

    @Test
    void unusableResponsesAndLoneGroupsGetZeroAndStayOutOfTheBatchStatistics() {
        List<List<ScoredResponse>> groups = List.of(
                List.of(twoInstructions(1, 0), twoInstructions(0, 0), ScoredResponse.outcome(null, 2)),
                List.of(twoInstructions(1, 1), ScoredResponse.outcome(null, 1)));
        AdvantageResult r = registry.create("gdpo", EstimatorSettings.defaults()).estimate(groups);
        double[] gdpo = firstTokens(r);
        assertEquals(0, gdpo[2], 0, "unusable response");
        assertEquals(0, gdpo[3], 0, "a group with one usable score has no baseline");
        // the only counted pair is ±x, so the batch normalisation makes it ±1/sqrt(2)
        assertEquals(Math.sqrt(0.5), gdpo[0], 1e-5, "response 0");
        assertEquals(-Math.sqrt(0.5), gdpo[1], 1e-5, "response 1");
    }

    @Test
    void batchAdvantagesHaveZeroMeanAndUnitStd() {
        List<List<ScoredResponse>> groups = new ArrayList<>();
        groups.add(List.of(twoInstructions(1, 0), twoInstructions(0, 1), twoInstructions(1, 1)));
        groups.add(List.of(twoInstructions(0, 0), twoInstructions(0, 1), twoInstructions(0, 0), twoInstructions(1, 1)));
        double[] gdpo = firstTokens(registry.create("gdpo", EstimatorSettings.defaults()).estimate(groups));
        double mean = java.util.Arrays.stream(gdpo).average().orElseThrow();
        double var = java.util.Arrays.stream(gdpo).map(x -> (x - mean) * (x - mean)).sum() / (gdpo.length - 1);
        assertEquals(0, mean, 1e-9, "batch mean");
        assertEquals(1, Math.sqrt(var), 1e-5, "batch std");
    }

    /** (x - mean) / (unbiased std + 1e-6) over all of {@code xs}. */
    private static double[] batchNormalised(double[] xs) {
        double mean = java.util.Arrays.stream(xs).average().orElseThrow();
        double var = java.util.Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum() / (xs.length - 1);
        double std = Math.sqrt(var) + 1e-6;
        return java.util.Arrays.stream(xs).map(x -> (x - mean) / std).toArray();
    }
}
