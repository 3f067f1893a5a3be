package dev.orl.trainer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.trainer.recipe.KnownAlgorithms;
import dev.orl.trainer.recipe.LoadedRecipe;
import dev.orl.trainer.recipe.RecipeLoader;
import dev.orl.trainer.recipe.StageKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every recipe in {@code recipes/} loads (GPU-scale ones with their checkpoint path pointed at a directory). */
class RecipesTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path checkpoint;

    @Test
    void everyRecipeLoads() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(REPO.resolve("recipes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Files.readString(file);
                List<String> overrides = text.contains("checkpoint:") && !text.contains("tokenizer: char")
                        ? List.of("model.checkpoint=" + checkpoint) : List.of();
                LoadedRecipe r = new RecipeLoader(KnownAlgorithms.builtIn(), REPO).load(file, overrides);
                assertTrue(!r.recipe().stages().isEmpty(), file + " has no stages");
                names.add(file.getFileName().toString());
            }
        }
        assertTrue(names.containsAll(List.of("tiny-math-ifeval.yaml", "grpo-gsm8k-qwen2.5-0.5b.yaml", "dapo-math.yaml",
                "qwq-stage1.yaml", "qwq-stage2.yaml")), "missing recipes; found " + names);
    }

    @Test
    void tinyRecipeHasAllThreeStageKinds() {
        LoadedRecipe r = new RecipeLoader(KnownAlgorithms.builtIn(), REPO).load(REPO.resolve("recipes/tiny-math-ifeval.yaml"),
                List.of());
        List<StageKind> kinds = r.recipe().stages().values().stream().map(s -> s.kind()).distinct().toList();
        assertEquals(List.of(StageKind.RM, StageKind.SFT, StageKind.RL), kinds, "tiny recipe stage kinds");
    }

    @Test
    void math256RevalidationRecipeLoadsAndValidatesBeforeItsOneStep() {
        LoadedRecipe r = new RecipeLoader(KnownAlgorithms.builtIn(), REPO).load(
                REPO.resolve("docs/recipes/qwq-small-math256.yaml"), List.of("model.checkpoint=" + checkpoint));
        assertTrue(r.recipe().validation().atStart(), "the figure is the validation before any step");
        assertEquals(1, r.recipe().stages().size(), "one stage");
    }
}
