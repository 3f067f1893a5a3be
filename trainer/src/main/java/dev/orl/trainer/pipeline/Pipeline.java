package dev.orl.trainer.pipeline;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.model.device.CoreBudget;
import dev.orl.model.device.IntraOpThreads;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.registry.CompositeReward;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.trainer.checkpoint.Provenance;
import dev.orl.trainer.checkpoint.SealedDirectory;
import dev.orl.trainer.metrics.MetricsLog;
import dev.orl.trainer.metrics.Progress;
import dev.orl.trainer.recipe.LoadedRecipe;
import dev.orl.trainer.recipe.Recipe;
import dev.orl.trainer.recipe.StageKind;
import dev.orl.trainer.recipe.StageSpec;
import dev.orl.trainer.recipe.ValidationSetSpec;
import dev.orl.trainer.rl.RolloutRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a recipe's stages in order in one run directory. Everything the recipe names is bound and loaded first, so a
 * bad data spec or reward fails before any training; then each stage starts from the previous policy stage's final
 * weights with a fresh optimizer, the top-level validation sets are evaluated in every policy stage, checkpoints are
 * written every k steps, and a run directory that already holds checkpoints resumes from the newest complete one.
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadedRecipe loaded;
    private final Recipe recipe;
    private final RunDirectory run;
    private final Path baseDir;
    private final StageData data;
    private long stopAfter = Long.MAX_VALUE;
    private List<String> command = List.of();

    /** How long a shutdown waits for the step in flight to finish. */
    static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(60);

    /** What a run ended with: the last validation metrics of each stage. */
    public record Summary(Path runDir, Map<String, Map<String, Double>> validationByStage) {}

    public Pipeline(LoadedRecipe loaded, Path runDir, Path baseDir, RewardRegistry rewards) throws IOException {
        this.loaded = loaded;
        this.recipe = loaded.recipe();
        this.baseDir = baseDir;
        this.data = new StageData(loaded, baseDir, rewards, runDir);
        plan(loaded, baseDir, data);
        this.run = RunDirectory.create(runDir);
    }

    /**
     * Stops the run (without finishing the stage) once {@code globalSteps} steps are done, as an interruption
     * would; the next run on the same directory resumes from the newest checkpoint.
     */
    public Pipeline stopAfter(long globalSteps) {
        this.stopAfter = globalSteps;
        return this;
    }

    /** The command line that started this session, written to the run's provenance record. */
    public Pipeline command(List<String> words) {
        this.command = List.copyOf(words);
        return this;
    }

    /**
     * Checks a recipe as a run does before any work ({@link #plan}), writing nothing: what {@code orl recipe} runs.
     *
     * @throws RecipeException naming the file, line and key of the first problem
     */
    public static void check(LoadedRecipe loaded, Path runDir, Path baseDir, RewardRegistry rewards) {
        plan(loaded, baseDir, new StageData(loaded, baseDir, rewards, runDir));
    }

    /**
     * Checks the model's files, binds every data spec and reward list and reads every data set now, so that a missing
     * weight or tokenizer file, a malformed spec, reward entry or record, or a reward routed to a data source its
     * prompts do not have, fails before any work rather than hours into a later stage.
     */
    private static void plan(LoadedRecipe loaded, Path baseDir, StageData data) {
        Recipe recipe = loaded.recipe();
        try {
            ModelFactory.check(recipe.model(), baseDir);
        } catch (ModelFactory.ModelProblem e) {
            throw loaded.problemAt(e.key(), e.getMessage());
        }
        for (Map.Entry<String, StageSpec> e : recipe.stages().entrySet()) {
            String at = "stages." + e.getKey();
            List<Prompt> prompts = data.allPrompts(e.getValue().data(), at + ".data");
            if (e.getValue().kind() == StageKind.RL) {
                data.checkRewards(e.getValue().rewards(), at + ".rewards", StageData.sources(prompts));
            }
        }
        recipe.validation().sets().forEach((name, set) -> {
            String at = "validation.sets." + name;
            List<Prompt> prompts = data.allPrompts(set.data(), at + ".data");
            data.checkRewards(set.rewards(), at + ".rewards", StageData.sources(prompts));
        });
    }

    /**
     * Runs (or resumes) every stage. A SIGTERM or Ctrl-C meanwhile stops the run after the step in flight (waiting
     * up to {@link #SHUTDOWN_PATIENCE}), so the JVM never exits with a thread inside libtorch.
     */
    public Summary run() throws IOException {
        try (RunLock lock = RunLock.acquire(run.root());
                ShutdownGuard guard = ShutdownGuard.install(SHUTDOWN_PATIENCE)) {
            return run(guard);
        }
    }

    private Summary run(ShutdownGuard guard) throws IOException {
        RecipeHistory.keepPrevious(run.recipe(), recipe.resolvedYaml()).ifPresent(change -> LOG.warn(
                "{} was started with another recipe; changed: {}. The earlier recipe is kept as {} (and every start's"
                        + " command line in {})", run.root(), String.join(", ", change.keys()),
                change.previous().getFileName(), run.provenance().getFileName()));
        loaded.writeResolved(run.recipe());
        StageCheckpoints checkpoints = new StageCheckpoints(run.checkpoints(), recipe.checkpoint().keepLast());
        checkpoints.recover();
        for (String name : recipe.stageNames()) {
            SealedDirectory.recover(run.stageFinal(name).getParent());
        }
        Optional<Path> latest = checkpoints.latest();
        TrainerState resumed = latest.isPresent() ? StageCheckpoints.state(latest.get()) : null;
        ResumePoint point = resumePoint(resumed);
        long global = Math.max(0, point.globalStep());
        recordSession(global);
        // steps a crashed run logged after its last checkpoint are run again and must not appear twice
        MetricsLog.truncateAfter(run.metrics(), recipe.stageNames(), point.stage(), global);
        Map<String, Map<String, Double>> summary = new LinkedHashMap<>();
        CoreBudget.now(recipe.threads(), "--set threads=1").ifPresent(LOG::warn);
        if (recipe.threads() > 0) {
            IntraOpThreads.set(recipe.threads());
        }
        Device device = recipe.device().startsWith("gpu") ? Device.gpu(recipe.device().contains(":")
                ? Integer.parseInt(recipe.device().substring(4)) : 0) : Device.cpu();
        try (ModelFactory models = new ModelFactory(device, baseDir);
                ValidationRunner validation = validationRunner();
                MetricsLog metrics = MetricsLog.toLog(run.metrics())) {
            StageOpener opener = new StageOpener(recipe, run, models, data);
            List<String> names = recipe.stageNames();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (run.stageDone(name)) {
                    LOG.info("stage '{}' already finished; skipping", name);
                    continue;
                }
                if (guard.stopRequested()) {
                    LOG.warn("stopped at a safe point before stage '{}'; the run resumes there", name);
                    break;
                }
                boolean resume = resumed != null && resumed.stage().equals(name);
                if (resume) {
                    LOG.info("resuming stage '{}' from {} (step {})", name, latest.get(), resumed.stageStep());
                }
                StageLoop loop = new StageLoop(name, recipe, run, checkpoints, metrics, validation,
                        validationTokens(name), guard::stopRequested);
                long seed = recipe.seed() * 31 + i;
                try (StageTrainer trainer = opener.open(name, seed, resume ? latest.get() : null,
                        resume ? resumed : null)) {
                    StageLoop.Outcome outcome = loop.run(trainer, resume ? resumed.stageStep() : 0,
                            resume ? resumed.globalStep() : global, seed, stopAfter);
                    global = outcome.globalStep();
                    summary.put(name, outcome.lastValidation());
                    if (outcome.interrupted()) {
                        break;
                    }
                }
            }
        }
        return new Summary(run.root(), summary);
    }

    /** Appends this session (fresh start or resume) to the run's provenance record. */
    private void recordSession(long resumedFrom) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        recipe.stages().values().forEach(stage -> collectDataFiles(stage.data(), files));
        recipe.validation().sets().values().forEach(set -> collectDataFiles(set.data(), files));
        String version = Pipeline.class.getPackage().getImplementationVersion();
        Provenance.capture(version == null ? "0.1.0-SNAPSHOT" : version, baseDir, command, recipe.resolvedYaml(),
                files, Map.of("seed", recipe.seed()), resumedFrom == 0 ? null : resumedFrom)
                .appendTo(run.provenance());
    }

    /** Every existing file named by a {@code path} key anywhere in a data spec. */
    private void collectDataFiles(JsonNode node, Set<Path> out) {
        if (node == null) {
            return;
        }
        node.fields().forEachRemaining(e -> {
            Path file = e.getValue().isTextual() ? baseDir.resolve(e.getValue().asText()) : null;
            if (e.getKey().equals("path") && file != null && Files.isRegularFile(file)) {
                out.add(file);
            } else {
                collectDataFiles(e.getValue(), out);
            }
        });
        if (node.isArray()) {
            node.forEach(child -> collectDataFiles(child, out));
        }
    }

    /** Where the run continues: the stage and global step of the newest checkpoint or finished stage. */
    private record ResumePoint(String stage, long globalStep) {}

    private ResumePoint resumePoint(TrainerState resumed) throws IOException {
        // a fresh start keeps no metrics line, not even a step-0 validation a crashed first attempt logged
        ResumePoint point = resumed == null ? new ResumePoint(recipe.stageNames().get(0), -1)
                : new ResumePoint(resumed.stage(), resumed.globalStep());
        for (String name : recipe.stageNames()) {
            if (run.stageDone(name)) {
                long done = StageCheckpoints.state(run.stageFinal(name)).globalStep();
                if (done >= point.globalStep()) {
                    point = new ResumePoint(name, done);
                }
            }
        }
        return point;
    }

    private int validationTokens(String stage) {
        StageSpec s = recipe.stage(stage);
        if (s.rollout() != null) {
            return s.rollout().maxNewTokens();
        }
        return recipe.stages().values().stream().filter(x -> x.rollout() != null)
                .mapToInt(x -> x.rollout().maxNewTokens()).findFirst().orElse(256);
    }

    private ValidationRunner validationRunner() {
        List<ValidationRunner.Set> sets = new ArrayList<>();
        for (Map.Entry<String, ValidationSetSpec> e : recipe.validation().sets().entrySet()) {
            String at = "validation.sets." + e.getKey();
            List<JsonNode> rewards = e.getValue().rewards();
            String rewardsAt = at + ".rewards";
            if (rewards.isEmpty()) {
                // route by data source: the rewards of the recipe's RL stages judge the set
                Optional<Map.Entry<String, StageSpec>> rl = recipe.stages().entrySet().stream()
                        .filter(s -> s.getValue().kind() == StageKind.RL).findFirst();
                if (rl.isEmpty()) {
                    LOG.warn("{} has no rewards and the recipe has no rl stage to borrow them from; skipped", at);
                    continue;
                }
                rewards = rl.get().getValue().rewards();
                rewardsAt = "stages." + rl.get().getKey() + ".rewards";
            }
            CompositeReward reward = data.rewards(rewards, rewardsAt);
            List<Prompt> prompts = data.allPrompts(e.getValue().data(), at + ".data");
            if (recipe.validation().maxPrompts() != null && prompts.size() > recipe.validation().maxPrompts()) {
                prompts = prompts.subList(0, recipe.validation().maxPrompts());
            }
            sets.add(new ValidationRunner.Set(e.getKey(), prompts, ValidationRunner.scorer(reward)));
        }
        return new ValidationRunner(recipe.validation(), sets, recipe.seed(), Progress.of(recipe.logging().progress()));
    }

    /** Writes the rollouts of one step as JSON lines. */
    static void dumpRollouts(Path file, List<RolloutRecord> records, int limit) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (RolloutRecord r : records.subList(0, Math.min(limit, records.size()))) {
                w.write(JSON.writeValueAsString(r));
                w.newLine();
            }
        }
    }
}
