package dev.orl.rewards.ifeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.registry.BasicRewardContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IfevalRewardTest {
    private static final Prompt PROMPT = new Prompt("1001", "ifeval", List.of(), Map.of(
            "instruction_id_list", List.of("punctuation:no_comma", "detectable_content:postscript"),
            "kwargs", List.of(Map.of(), Map.of("postscript_marker", "P.S."))), Map.of());
    private static final Completion HALF = Completion.ofText("<think>commas, commas</think>No commas but no postscript.");

    private static RewardFunction create(Map<String, Object> options) {
        return new IfevalRewardProvider().create(options, BasicRewardContext.empty());
    }

    @Test
    void promptLevelIsAllOrNothingAndInstructionLevelIsTheFractionFollowed() throws Exception {
        assertEquals(0.0, create(Map.of()).score(PROMPT, HALF).score());
        assertEquals(0.5, create(Map.of("level", "instruction")).score(PROMPT, HALF).score());
        Reward full = create(Map.of()).score(PROMPT, Completion.ofText("<think>a, b</think>Done.\nP.S. bye"));
        assertEquals(1.0, full.score(), "commas inside <think> are not judged: " + full.info());
    }

    @Test
    void instructionAndGradedLevelsReportEachInstructionsShareAndPromptLevelNone() throws Exception {
        assertEquals(Map.of("punctuation:no_comma", 1.0, "detectable_content:postscript", 0.0),
                create(Map.of("level", "instruction")).score(PROMPT, HALF).components());
        assertEquals(Map.of(), create(Map.of()).score(PROMPT, HALF).components());
        Prompt twice = new Prompt("t", "ifeval", List.of(), Map.of(
                "instruction_id_list", List.of("keywords:existence", "keywords:existence"),
                "kwargs", List.of(Map.of("keywords", List.of("river")), Map.of("keywords", List.of("moon")))), Map.of());
        Reward graded = create(Map.of("level", "graded")).score(twice, Completion.ofText("A river."));
        assertEquals(Map.of("keywords:existence", 1.0, "keywords:existence#2", 0.0), graded.components(),
                "a repeated instruction gets its own key");
        assertEquals(0.5, graded.score(), 1e-12, "the score is the mean of the parts");
    }

    @Test
    void gradedLevelRanksANearMissAboveAWideOneAndBelowAHit() throws Exception {
        Prompt lower = new Prompt("c", "ifeval", List.of(), Map.of(
                "instruction_id_list", List.of("change_case:english_lowercase", "punctuation:no_comma"),
                "kwargs", List.of(Map.of(), Map.of())), Map.of());
        RewardFunction graded = create(Map.of("level", "graded"));
        double hit = graded.score(lower, Completion.ofText("all of this note is lower case")).score();
        double near = graded.score(lower, Completion.ofText("all of this note is lower Case")).score();
        double wide = graded.score(lower, Completion.ofText("ALL OF THIS NOTE IS UPPER CASE")).score();
        assertEquals(1.0, hit);
        assertEquals((0.5 * 23 / 24 + 1) / 2, near, 1e-12, "23 of 24 letters lowercase earn half of 23/24");
        assertEquals(0.5, wide, 1e-12, "no lowercase letter: only the comma rule counts");
        Prompt keywords = new Prompt("k", "ifeval", List.of(), Map.of(
                "instruction_id_list", List.of("keywords:existence"),
                "kwargs", List.of(Map.of("keywords", List.of("river", "stone", "moon", "tree")))), Map.of());
        assertEquals(0.5 * 3 / 4, graded.score(keywords, Completion.ofText("A river, a Stone and the moon.")).score(),
                1e-12);
        assertEquals(0.0, graded.score(PROMPT, Completion.ofText("a, b")).score(),
                "instructions without a measure of nearness earn nothing when broken");
    }

    @Test
    void looseOptionScoresWithLooseVariants() throws Exception {
        Completion quoted = Completion.ofText("Here you go:\n\"Quoted\"");
        Prompt quotation = new Prompt("q", "ifeval", List.of(), Map.of("instruction_id_list",
                List.of("startend:quotation"), "kwargs", List.of(Map.of())), Map.of());
        assertEquals(0.0, create(Map.of()).score(quotation, quoted).score());
        assertEquals(1.0, create(Map.of("loose", true)).score(quotation, quoted).score());
    }

    @Test
    void promptsWithoutInstructionsAreNotApplicableAndBrokenOnesUnparseable() throws Exception {
        Reward none = create(Map.of()).score(new Prompt("g", "gsm8k", List.of(), Map.of(), Map.of()), HALF);
        assertNull(none.score());
        assertEquals(Reward.Status.OK, none.status());
        Prompt broken = new Prompt("b", "ifeval", List.of(), Map.of("instruction_id_list", List.of("no:such"),
                "kwargs", List.of(Map.of())), Map.of());
        Reward unparseable = create(Map.of()).score(broken, HALF);
        assertEquals(Reward.Status.UNPARSEABLE, unparseable.status());
        assertTrue(unparseable.info().get("error").toString().contains("no:such"), unparseable.info().toString());
    }

    @Test
    void appliesToIfevalDataSourcesByDefault() {
        RewardFunction reward = create(Map.of());
        assertTrue(reward.appliesTo("ifeval"));
        assertTrue(reward.appliesTo("ifeval/train"));
        assertTrue(reward.appliesTo("synthetic/ifeval"), "the synthetic instruction generator's default source name");
        assertFalse(reward.appliesTo("gsm8k"));
        assertFalse(reward.appliesTo("synthetic/arith"));
    }

    @Test
    void sourcesOptionReplacesTheDefaultRouting() {
        RewardFunction own = create(Map.of("sources", List.of("my_instructions", "chat/")));
        assertTrue(own.appliesTo("my_instructions"));
        assertTrue(own.appliesTo("chat/v2"), "an entry ending in / is a prefix");
        assertFalse(own.appliesTo("ifeval"), "given sources replace the defaults");
        assertTrue(create(Map.of("sources", "*")).appliesTo("gsm8k"), "* routes every source");
    }
}
