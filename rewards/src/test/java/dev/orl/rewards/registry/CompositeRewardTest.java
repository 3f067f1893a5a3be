package dev.orl.rewards.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompositeRewardTest {
    private static final Completion ANY = Completion.ofText("answer");

    private static CompositeReward.Part part(String name, double weight, List<String> routed, Set<String> applies,
            ScriptedReward.Behaviour behaviour) {
        return new CompositeReward.Part(new RewardSpec(name, weight, routed, Map.of()),
                new ScriptedReward(name, applies, behaviour));
    }

    private static Prompt prompt(String dataSource) {
        return new Prompt("p1", dataSource, List.of(), Map.of(), Map.of());
    }

    @Test
    void sumsWeightedScoresOfTheFunctionsRoutedToTheDataSource() {
        CompositeReward composite = new CompositeReward(List.of(
                part("acc", 1.0, List.of("gsm8k"), Set.of(), text -> Reward.ok(1.0, Map.of())),
                part("format", 0.5, List.of(), Set.of(), text -> Reward.ok(0.4, Map.of())),
                part("code", 1.0, List.of(), Set.of("mbpp"), text -> Reward.ok(1.0, Map.of()))));
        Reward gsm8k = composite.score(prompt("gsm8k"), ANY);
        assertEquals(1.0 + 0.5 * 0.4, gsm8k.score(), 1e-12, "acc + 0.5 × format; code does not apply to gsm8k");
        assertEquals(Map.of("acc", 1.0, "format", 0.4), gsm8k.components());
        Reward mbpp = composite.score(prompt("mbpp"), ANY);
        assertEquals(1.0 + 0.2, mbpp.score(), 1e-12, "acc is routed to gsm8k only");
    }

    @Test
    void partsAFunctionReportsAreKeptUnderItsNameAndSplitItsWeightIntoChannels() {
        CompositeReward composite = new CompositeReward(List.of(
                part("ifeval", 1.0, List.of(), Set.of(), text -> new Reward(0.5,
                        Map.of("no_comma", 1.0, "postscript", 0.0), Map.of(), Reward.Status.OK)),
                part("rm", 0.1, List.of(), Set.of(), text -> Reward.ok(0.8, Map.of())),
                part("length", 0.0, List.of(), Set.of(), text -> Reward.ok(12.0, Map.of()))));
        Reward r = composite.score(prompt("ifeval"), ANY);
        assertEquals(0.5 + 0.1 * 0.8, r.score(), 1e-12, "the parts do not enter the sum twice");
        assertEquals(Map.of("ifeval", 0.5, "ifeval/no_comma", 1.0, "ifeval/postscript", 0.0, "rm", 0.8,
                "length", 12.0), r.components());
        assertEquals(Map.of("ifeval/no_comma", 0.5, "ifeval/postscript", 0.5, "rm", 0.1),
                composite.channelWeights("ifeval", r), "the zero-weight metric is no channel");
    }

    @Test
    void aFunctionWithOnlyANameAndAScoreJudgesEverySourceUnlessTheRecipeRoutesIt() {
        RewardFunction minimal = new RewardFunction() {
            @Override
            public String name() {
                return "mine";
            }

            @Override
            public Reward score(Prompt prompt, Completion completion) {
                return Reward.ok(0.5, Map.of());
            }
        };
        CompositeReward unrouted = new CompositeReward(List.of(
                new CompositeReward.Part(new RewardSpec("mine", 1.0, List.of(), Map.of()), minimal)));
        assertEquals(0.5, unrouted.score(prompt("anything"), ANY).score(), 1e-12);
        CompositeReward routed = new CompositeReward(List.of(
                new CompositeReward.Part(new RewardSpec("mine", 1.0, List.of("gsm8k"), Map.of()), minimal)));
        assertNull(routed.score(prompt("mbpp"), ANY).score(), "the recipe's data_sources replace the default");
    }

    @Test
    void notApplicableScoresAreLeftOutAndAllAbsentMeansNoScore() {
        CompositeReward composite = new CompositeReward(List.of(
                part("a", 1.0, List.of(), Set.of(), text -> Reward.notApplicable()),
                part("b", 2.0, List.of(), Set.of(), text -> Reward.ok(0.25, Map.of()))));
        assertEquals(0.5, composite.score(prompt("x"), ANY).score(), 1e-12);
        CompositeReward onlyAbsent = new CompositeReward(List.of(
                part("a", 1.0, List.of(), Set.of(), text -> Reward.notApplicable())));
        Reward reward = onlyAbsent.score(prompt("x"), ANY);
        assertNull(reward.score(), "nothing judged: no score, never 0");
        assertEquals(Reward.Status.OK, reward.status());
    }

    @Test
    void failureOfAWeightedFunctionFailsTheRewardInsteadOfScoringZero() {
        CompositeReward composite = new CompositeReward(List.of(
                part("acc", 1.0, List.of(), Set.of(), text -> Reward.ok(1.0, Map.of())),
                part("code", 1.0, List.of(), Set.of(), text -> {
                    throw new IllegalStateException("sandbox down");
                })));
        Reward reward = composite.score(prompt("x"), ANY);
        assertEquals(Reward.Status.ERROR, reward.status());
        assertNull(reward.score());
        assertEquals(Map.of("code", "ERROR"), reward.info().get("failed"));
        assertTrue(reward.info().get("code").toString().contains("sandbox down"), reward.info().toString());
    }

    @Test
    void failureOfAZeroWeightMetricLeavesTheSumIntact() {
        CompositeReward composite = new CompositeReward(List.of(
                part("acc", 1.0, List.of(), Set.of(), text -> Reward.ok(1.0, Map.of())),
                part("mix", 0.0, List.of(), Set.of(), text -> Reward.failed(Reward.Status.UNPARSEABLE, "?")),
                part("rep", 0.0, List.of(), Set.of(), text -> Reward.ok(0.3, Map.of()))));
        Reward reward = composite.score(prompt("x"), ANY);
        assertEquals(Reward.Status.OK, reward.status());
        assertEquals(1.0, reward.score(), 1e-12, "zero-weight metrics do not enter the sum");
        assertEquals(0.3, reward.components().get("rep"), 1e-12, "but their scores are reported");
    }

    @Test
    void worstStatusWinsErrorOverTimeoutOverUnparseable() {
        CompositeReward composite = new CompositeReward(List.of(
                part("a", 1.0, List.of(), Set.of(), text -> Reward.failed(Reward.Status.UNPARSEABLE, "?")),
                part("b", 1.0, List.of(), Set.of(), text -> Reward.failed(Reward.Status.TIMEOUT, "slow"))));
        assertEquals(Reward.Status.TIMEOUT, composite.score(prompt("x"), ANY).status());
    }

    @Test
    void theSameFunctionListedTwiceIsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> new CompositeReward(List.of(
                part("acc", 1.0, List.of("a"), Set.of(), text -> Reward.ok(1, Map.of())),
                part("acc", 1.0, List.of("b"), Set.of(), text -> Reward.ok(1, Map.of())))));
        assertTrue(error.getMessage().contains("'acc' is listed twice"), error.getMessage());
    }
}
