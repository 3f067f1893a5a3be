package dev.orl.trainer.cli;

import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.trainer.pipeline.Pipeline;
import dev.orl.trainer.recipe.LoadedRecipe;
import dev.orl.trainer.recipe.RecipeException;
import dev.orl.trainer.recipe.RecipeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orl train RECIPE.yaml [--set k=v]... [--run-dir DIR]}: runs a recipe's stages, resuming from the run
 * directory's newest complete checkpoint when there is one. A malformed recipe fails before any work, naming the
 * file, line and key. Prints the run directory on stdout when done.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Run a recipe (SFT, reward-model and RL stages); resumes automatically from the run directory.")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RECIPE.yaml", description = "the recipe to run")
    private Path recipe;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a recipe value, e.g. "
            + "stages.stage1.rollout.n=16 (repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--run-dir", paramLabel = "DIR", description = "where the run writes (default: the recipe's "
            + "run_dir)")
    private Path runDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path base = Path.of("").toAbsolutePath();
        LoadedRecipe loaded;
        Pipeline pipeline;
        try {
            loaded = new RecipeLoader().load(recipe, overrides);
            Path dir = runDir != null ? runDir : base.resolve(loaded.recipe().runDir());
            pipeline = new Pipeline(loaded, dir, base, RewardRegistry.discover()).command(Invocation.of(spec));
        } catch (RecipeException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        Pipeline.Summary summary = pipeline.run();
        for (Map.Entry<String, Map<String, Double>> e : summary.validationByStage().entrySet()) {
            spec.commandLine().getErr().println("stage " + e.getKey() + ": "
                    + (e.getValue().isEmpty() ? "no validation (its metrics are in metrics.jsonl)" : e.getValue()));
        }
        spec.commandLine().getOut().println(summary.runDir());
        return 0;
    }
}
