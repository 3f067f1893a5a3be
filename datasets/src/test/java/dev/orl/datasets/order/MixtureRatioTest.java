package dev.orl.datasets.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.datasets.PromptSource;
import dev.orl.rewards.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixtureRatioTest {

    private static double shareOfA(long seed, int draws) {
        PromptSource mixture = new MixtureSource(List.of(
                new MixtureSource.Component("a", 70, EpochSource.endless(ResumeTest.numbered("a", 37), seed)),
                new MixtureSource.Component("b", 30, EpochSource.endless(ResumeTest.numbered("b", 11), seed))), seed);
        int a = 0;
        for (Prompt p : mixture.nextBatch(draws)) {
            a += p.dataSource().equals("a") ? 1 : 0;
        }
        return (double) a / draws;
    }

    @Test
    void seventyThirtyMixtureLandsWithinTwoPercentOverTenThousandDraws() {
        for (long seed = 0; seed < 5; seed++) {
            double share = shareOfA(seed, 10_000);
            assertTrue(Math.abs(share - 0.7) <= 0.02, "seed " + seed + ": share of 'a' is " + share + ", expected 0.70");
        }
    }

    @Test
    void sameSeedGivesTheSameDrawsAndAnExhaustedSourceLeavesTheRest() {
        assertEquals(shareOfA(3, 500), shareOfA(3, 500));
        PromptSource mixture = new MixtureSource(List.of(
                new MixtureSource.Component("a", 1, new EpochSource(ResumeTest.numbered("a", 5), null, 1)),
                new MixtureSource.Component("b", 1, new EpochSource(ResumeTest.numbered("b", 7), null, 1))), 1);
        List<Prompt> all = mixture.nextBatch(100);
        assertEquals(12, all.size(), "every prompt of both finite sources, then the end");
    }

    @Test
    void sharesFollowWeightsNotSourceSizes() {
        MixtureSource mixture = new MixtureSource(List.of(
                new MixtureSource.Component("big", 1, EpochSource.endless(ResumeTest.numbered("big", 600), 0)),
                new MixtureSource.Component("small", 1, EpochSource.endless(ResumeTest.numbered("small", 80), 0)),
                new MixtureSource.Component("heavy", 2, EpochSource.endless(ResumeTest.numbered("heavy", 70), 0))), 0);
        assertEquals(List.of("big", "small", "heavy"), List.copyOf(mixture.shares().keySet()));
        assertEquals(0.25, mixture.shares().get("big"), 1e-12);
        assertEquals(0.25, mixture.shares().get("small"), 1e-12);
        assertEquals(0.5, mixture.shares().get("heavy"), 1e-12);
    }
}
