package dev.orl.trainer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeHistoryTest {

    @TempDir
    Path dir;

    @Test
    void aChangedRecipeKeepsTheEarlierOneAsideAndNamesTheChangedKeys() throws Exception {
        Path file = dir.resolve("recipe.yaml");
        String first = "seed: 1\nstages:\n  rm:\n    optimizer: {lr: 0.001, warmup_steps: 5}\n";
        assertTrue(RecipeHistory.keepPrevious(file, first).isEmpty(), "a new run has nothing to keep");
        Files.writeString(file, first);
        assertTrue(RecipeHistory.keepPrevious(file, first).isEmpty(), "an unchanged resume keeps nothing");
        var change = RecipeHistory.keepPrevious(file,
                "seed: 2\nstages:\n  rm:\n    optimizer: {lr: 0.005, warmup_steps: 5}\n").orElseThrow();
        assertEquals(List.of("seed", "stages.rm.optimizer.lr"), change.keys());
        assertEquals(dir.resolve("recipe.previous-1.yaml"), change.previous());
        assertEquals(first, Files.readString(change.previous()));
        Files.writeString(file, "seed: 2\n");
        assertEquals(dir.resolve("recipe.previous-2.yaml"),
                RecipeHistory.keepPrevious(file, "seed: 3\n").orElseThrow().previous(), "earlier copies stay");
    }
}
