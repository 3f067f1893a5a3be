package dev.orl.trainer.algo.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A group-relative estimator sees only usable scores of groups that have a baseline, each with its own group. */
class GroupRelativeTest {

    private static ScoredResponse scored(Double score, int length) {
        return ScoredResponse.outcome(score, length);
    }

    @Test
    void asksOnlyForUsableScoresOfGroupsWithABaseline() {
        List<Double> asked = new ArrayList<>();
        List<List<ScoredResponse>> groups = List.of(
                List.of(scored(1.0, 2), scored(null, 1), scored(3.0, 1)),
                List.of(scored(5.0, 1), scored(null, 2)));
        AdvantageResult result = GroupRelative.estimate(groups, (score, group) -> {
            asked.add(score);
            return score - group.mean();
        });
        assertEquals(List.of(1.0, 3.0), asked, "the unusable response and the lone-score group must not be asked");
        assertArrayEquals(new double[] {-1.0, -1.0}, result.advantages().get(0), 1e-12,
                "1 - mean(1, 3) broadcast to both tokens");
        assertArrayEquals(new double[] {0.0}, result.advantages().get(1), 1e-12, "an unusable response gets zero");
        assertArrayEquals(new double[] {1.0}, result.advantages().get(2), 1e-12, "3 - mean(1, 3)");
        assertArrayEquals(new double[] {0.0}, result.advantages().get(3), 1e-12,
                "a group with one usable score has no baseline and gets zero");
        assertArrayEquals(new boolean[] {true, false, true, true, false}, result.usable(),
                "usable follows each response's score, in input order");
    }

    @Test
    void passesEachResponseItsOwnGroupsStatistics() {
        List<List<ScoredResponse>> groups = List.of(
                List.of(scored(0.0, 1), scored(2.0, 1)),
                List.of(scored(10.0, 1), scored(20.0, 1), scored(30.0, 1)));
        AdvantageResult result = GroupRelative.estimate(groups, (score, group) -> group.count() * 100 + group.mean());
        double[] firsts = result.advantages().stream().mapToDouble(row -> row[0]).toArray();
        assertArrayEquals(new double[] {201.0, 201.0, 320.0, 320.0, 320.0}, firsts, 1e-12,
                "responses of the first group see count 2 and mean 1, of the second count 3 and mean 20");
    }
}
