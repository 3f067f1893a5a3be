package dev.orl.trainer.cli;

import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.trainer.pipeline.Pipeline;
import dev.orl.trainer.recipe.LoadedRecipe;
import dev.orl.trainer.recipe.RecipeException;
import dev.orl.trainer.recipe.RecipeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orl recipe RECIPE.yaml [--set k=v]...}: checks a recipe as {@code orl train} does before any work and prints
 * it fully resolved, writing nothing.
 */
@Command(name = "recipe", mixinStandardHelpOptions = true,
        description = "Check a recipe as 'orl train' does before any work (keys, types, names, files, data, reward "
                + "options and routing) and print it with every default resolved.")
public final class RecipeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RECIPE", description = "the recipe YAML file")
    private Path recipe;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a value, e.g. stages.s1.rollout.n=16")
    private List<String> overrides = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try {
            LoadedRecipe loaded = new RecipeLoader().load(recipe, overrides);
            Path base = Path.of("").toAbsolutePath();
            Pipeline.check(loaded, base.resolve(loaded.recipe().runDir()), base, RewardRegistry.discover());
            spec.commandLine().getOut().print(loaded.recipe().resolvedYaml());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (RecipeException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
    }
}
