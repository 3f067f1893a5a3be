package dev.orl.trainer.quickstart;

import dev.orl.eval.report.RunReport;
import dev.orl.rewards.code.LocalSandbox;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.trainer.cli.Invocation;
import dev.orl.trainer.pipeline.Pipeline;
import dev.orl.trainer.recipe.LoadedRecipe;
import dev.orl.trainer.recipe.RecipeException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orl quickstart}: the whole QwQ-style pipeline (reward model, cold-start SFT, RL on math and code, RL on
 * instruction following) at CPU scale on synthetic data, with a sandbox server started in-process. Writes the run's
 * {@code report.html}, then prints on stdout its path and one summary line per validation set.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run a small QwQ-style pipeline end to end (rm -> sft -> RL on math+code -> RL on IFEval) on "
                + "synthetic data with an in-process sandbox; print report.html's path and a summary.")
public final class QuickstartCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(QuickstartCommand.class);

    @Option(names = "--recipe", paramLabel = "FILE", description = "run this recipe instead of the embedded one "
            + "(e.g. recipes/qwq-tiny.yaml); ${sandbox_url} in it is the in-process sandbox")
    private Path recipe;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a recipe value (repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--seed", description = "the run's seed (default: the recipe's)")
    private Long seed;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "where the run writes (default: "
            + "runs/<name>-<time>); an existing run directory resumes")
    private Path runDir;

    @Option(names = "--sandbox", paramLabel = "URL", description = "use this sandbox server instead of starting one")
    private URI sandbox;

    @Option(names = "--sft-control", paramLabel = "RUN_DIR", description = "instead: continue RUN_DIR's cold start "
            + "by SFT for as many steps as its first RL stage (the control for the RL gain)")
    private Path sftControl;

    @Spec
    private CommandSpec spec;

    /** Runs the command on its own (the {@code orl} launcher mounts it as {@code orl quickstart}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new QuickstartCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path base = Path.of("").toAbsolutePath();
        PrintWriter err = spec.commandLine().getErr();
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        QuickstartRecipe source;
        try {
            source = recipe == null ? QuickstartRecipe.embedded() : QuickstartRecipe.of(recipe);
            if (sftControl != null) {
                // The control counts the RL stage's steps and copies the SFT stage, so it must see --set values.
                source = source.withOverrides(base, all).sftControl(sftControl);
                all = List.of();
            }
        } catch (IllegalArgumentException | RecipeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        LocalSandbox local = null;
        try {
            if (source.needsSandbox()) {
                if (sandbox == null) {
                    local = LocalSandbox.start(null);
                    LOG.info("quickstart: started an in-process sandbox at {}", local.uri());
                }
                source = source.withSandbox(sandbox != null ? sandbox : local.uri());
            }
            LoadedRecipe loaded;
            Pipeline pipeline;
            Path dir;
            try {
                loaded = source.load(base, all);
                dir = runDir != null ? runDir.toAbsolutePath() : base.resolve("runs").resolve(loaded.recipe().name()
                        + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
                pipeline = new Pipeline(loaded, dir, base, RewardRegistry.discover())
                        .command(Invocation.of(spec));
            } catch (RecipeException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            Pipeline.Summary summary = pipeline.run();
            RunReport.Written report = new RunReport(5).write(List.of(dir), dir);
            PrintWriter out = spec.commandLine().getOut();
            out.println(report.html());
            QuickstartSummary.lines(summary).forEach(out::println);
            out.flush();
            return 0;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }
}
