package dev.orl.model.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenChooserTest {

    static final double[] PROBS = {0.05, 0.5, 0.25, 0.15, 0.05};

    static float[] probs() {
        float[] p = new float[PROBS.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) PROBS[i];
        }
        return p;
    }

    static int[] histogram(SamplingParams params, int draws) {
        TokenChooser chooser = new TokenChooser(params);
        Random rnd = new Random(42);
        int[] counts = new int[PROBS.length];
        for (int i = 0; i < draws; i++) {
            counts[chooser.choose(probs(), 0, PROBS.length, rnd)]++;
        }
        return counts;
    }

    @Test
    void plainSamplingFollowsTheDistribution() {
        int[] counts = histogram(SamplingParams.sample(1.0, 1, List.of(), 0), 20000);
        for (int i = 0; i < PROBS.length; i++) {
            assertEquals(PROBS[i], counts[i] / 20000.0, 0.015, "frequency of token " + i);
        }
    }

    @Test
    void topKKeepsOnlyTheKMostLikelyRenormalised() {
        int[] counts = histogram(SamplingParams.sample(1.0, 1, List.of(), 0).withTop(2, 1.0), 20000);
        assertEquals(0, counts[0] + counts[3] + counts[4], "tokens outside the top 2 were drawn");
        assertEquals(0.5 / 0.75, counts[1] / 20000.0, 0.015);
    }

    @Test
    void topPKeepsTheSmallestSetReachingP() {
        // 0.5 then 0.25: mass 0.75 reaches p = 0.7, so tokens 1 and 2 only
        int[] counts = histogram(SamplingParams.sample(1.0, 1, List.of(), 0).withTop(0, 0.7), 20000);
        assertEquals(0, counts[0] + counts[3] + counts[4]);
        assertTrue(counts[2] > 5000, "token 2 is inside the nucleus: " + counts[2]);
        int[] tiny = histogram(SamplingParams.sample(1.0, 1, List.of(), 0).withTop(0, 0.1), 1000);
        assertEquals(1000, tiny[1], "p below the top token's probability keeps only the top token");
    }

    @Test
    void greedyTakesTheArgmax() {
        assertEquals(1000, histogram(SamplingParams.greedy(1, List.of()), 1000)[1]);
    }

    /** A random stream whose every draw is the largest double below 1: the edge of the inverse CDF. */
    static final class LastDraw extends Random {
        @Override
        public double nextDouble() {
            return Math.nextDown(1.0);
        }
    }

    @Test
    void theLargestDrawNeverPicksATokenOfProbabilityZeroOrOutsideTheKeptSet() {
        // zeros after the last positive token are where a cumulative sum that rounds short would land
        float[] probs = {0.3f, 0.0f, 0.7f, 0.0f, 0.0f};
        int plain = new TokenChooser(SamplingParams.sample(1.0, 1, List.of(), 0)).choose(probs, 0, 5, new LastDraw());
        assertEquals(2, plain, "the last token with probability > 0");
        int topK = new TokenChooser(SamplingParams.sample(1.0, 1, List.of(), 0).withTop(1, 1.0))
                .choose(probs, 0, 5, new LastDraw());
        assertEquals(2, topK, "top-k 1 keeps only the most likely token");
        float[] thirds = {1f / 3, 1f / 3, 1f / 3, 0f};
        int nucleus = new TokenChooser(SamplingParams.sample(1.0, 1, List.of(), 0).withTop(0, 0.5))
                .choose(thirds, 0, 4, new LastDraw());
        assertEquals(1, nucleus, "top-p 0.5 over thirds keeps tokens 0 and 1; the edge draw takes the last kept");
    }
}
