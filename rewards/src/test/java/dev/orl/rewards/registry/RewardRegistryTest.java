package dev.orl.rewards.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardRegistryTest {
    private final RewardRegistry registry = RewardRegistry.discover();

    @Test
    void discoversOrlsOwnRewardFunctionsByName() {
        assertTrue(registry.names().containsAll(List.of("ifeval", "think_format", "overlong", "language_mix",
                "repetition", "math_accuracy")), "registered: " + registry.names());
    }

    @Test
    void unknownNameListsKnownNamesAndSuggestsTheClosest() {
        var error = assertThrows(IllegalArgumentException.class, () -> registry.provider("think_fromat"));
        assertTrue(error.getMessage().contains("unknown reward function 'think_fromat'"), error.getMessage());
        assertTrue(error.getMessage().contains("did you mean 'think_format'?"), error.getMessage());
        assertTrue(error.getMessage().contains("overlong"), "lists the known names: " + error.getMessage());
    }

    @Test
    void composesARecipeRewardsListAndScoresWithIt() {
        List<Map<String, Object>> rewards = List.of(
                Map.of("name", "think_format", "weight", 0.5),
                Map.of("name", "overlong", "weight", 1.0, "options", Map.of("max_length", 40, "buffer", 20)),
                Map.of("name", "ifeval", "data_sources", List.of("ifeval")));
        CompositeReward composite = registry.composeFromConfig(rewards, BasicRewardContext.empty());
        Prompt prompt = new Prompt("k1", "ifeval", List.of(), Map.of("instruction_id_list",
                List.of("punctuation:no_comma"), "kwargs", List.of(Map.of())), Map.of());
        Reward reward = composite.score(prompt, Completion.ofText("<think>hmm</think>No commas."));
        // 28 characters (no token ids): 8 past the soft start of 20 in a buffer of 20 → -0.4; format 1 × 0.5; ifeval 1.
        assertEquals(0.5 - 0.4 + 1.0, reward.score(), 1e-9, "components: " + reward.components());
        assertEquals(List.of("think_format", "overlong", "ifeval"), composite.functionNames());
    }

    @Test
    void unknownKeysInARecipeEntryOrItsOptionsAreErrorsNamingThem() {
        var entry = assertThrows(IllegalArgumentException.class, () -> registry.composeFromConfig(
                List.of(Map.of("name", "ifeval", "wieght", 2)), BasicRewardContext.empty()));
        assertTrue(entry.getMessage().contains("wieght"), entry.getMessage());
        var option = assertThrows(IllegalArgumentException.class, () -> registry.composeFromConfig(
                List.of(Map.of("name", "ifeval", "options", Map.of("levle", "prompt"))), BasicRewardContext.empty()));
        assertTrue(option.getMessage().contains("levle") && option.getMessage().contains("level"), option.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> registry.composeFromConfig(
                List.of(Map.of("name", "overlong")), BasicRewardContext.empty()));
        assertTrue(missing.getMessage().contains("max_length"), missing.getMessage());
    }

    @Test
    void checkingAnEntryReadsItsOptionsWithoutLoadingARewardModelAnEarlierStageTrains() {
        BasicRewardContext context = new BasicRewardContext(java.nio.file.Path.of("."), List.of());
        RewardSpec spec = registry.check(Map.of("name", "reward_model", "weight", 0.1,
                "options", Map.of("path", "runs/not-yet/stages/rm/final", "normalize", "sigmoid")), context);
        assertEquals(0.1, spec.weight());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.check(Map.of(
                "name", "reward_model", "options", Map.of("path", "x", "normalise", "sigmoid")), context));
        assertTrue(e.getMessage().contains("unknown option(s) [normalise]"), e.getMessage());
        IllegalArgumentException math = assertThrows(IllegalArgumentException.class, () -> registry.check(Map.of(
                "name", "math_accuracy", "options", Map.of("strictt", true)), context));
        assertTrue(math.getMessage().contains("unknown option(s) [strictt]"), math.getMessage());
    }

    @Test
    void aRewardNameWithASlashIsRejectedSinceTheSlashSeparatesAFunctionFromItsParts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RewardSpec.fromMap(Map.of("name", "ifeval/strict")));
        assertTrue(e.getMessage().contains("'ifeval/strict' contains '/'"), e.getMessage());
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, DidYouMean.distance("abc", "abc"));
        assertEquals(2, DidYouMean.distance("think_fromat", "think_format"));
        assertEquals(3, DidYouMean.distance("", "abc"));
    }
}
