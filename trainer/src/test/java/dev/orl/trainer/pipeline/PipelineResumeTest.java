package dev.orl.trainer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.model.io.Checkpoint;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.trainer.checkpoint.Provenance;
import dev.orl.trainer.recipe.LoadedRecipe;
import dev.orl.trainer.recipe.RecipeLoader;
import dev.orl.trainer.testing.PipelineChild;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact resume: an SFT stage then an RL stage run straight through, versus stopped after a checkpoint and resumed,
 * versus killed with SIGKILL mid-step in a child JVM and restarted, versus stopped with SIGTERM mid-step (which must
 * end at a safe point, without a JVM crash) and restarted, give the same data order (the prompt ids of
 * every RL step's rollouts) and the same final weights within 1e-5.
 */
@Tag("slow")
class PipelineResumeTest {

    static final String RECIPE = """
            seed: 5
            threads: 1
            model:
              init: {hidden_size: 128, intermediate_size: 256, num_hidden_layers: 2, num_attention_heads: 4,
                     num_key_value_heads: 2}
              tokenizer: char
            checkpoint: {every: 3, keep_last: 2}
            logging: {rollouts_every: 1, rollouts_per_step: 100}
            stages:
              sft:
                kind: sft
                steps: 4
                data: {sources: [{format: synthetic/arith, synthetic: {split: sft, count: 40}}]}
                optimizer: {lr: 1.0e-3}
                sft: {batch_size: 4, val_fraction: 0.1, eval_every: 2}
              rl:
                kind: rl
                steps: 6
                data: {sources: [{format: synthetic/arith, synthetic: {count: 40}}]}
                rewards: [{name: digit_share}]
                optimizer: {lr: 1.0e-3}
                rollout: {prompts_per_step: 4, n: 4, max_new_tokens: 6}
            """;

    @TempDir
    static Path dir;
    static Path recipeFile;
    static Path straight;

    @BeforeAll
    static void runStraight() throws IOException {
        recipeFile = dir.resolve("resume.yaml");
        Files.writeString(recipeFile, RECIPE);
        straight = dir.resolve("straight");
        pipeline(straight).run();
    }

    static Pipeline pipeline(Path runDir) throws IOException {
        LoadedRecipe recipe = new RecipeLoader().load(recipeFile, List.of());
        return new Pipeline(recipe, runDir, Path.of("").toAbsolutePath(), RewardRegistry.discover());
    }

    @Test
    void stoppedAndResumedRunMatchesStraightRun() throws IOException {
        Path run = dir.resolve("resumed");
        pipeline(run).stopAfter(8).run();
        assertTrue(Files.isDirectory(run.resolve("checkpoints/step_7")), "a checkpoint at global step 7 is expected");
        assertTrue(!Files.exists(run.resolve("stages/rl/final")), "the interrupted run must not finish the stage");
        pipeline(run).run();
        assertSameRun(run);
        List<Provenance> sessions = Provenance.readAll(run.resolve("provenance.json"));
        assertEquals(2, sessions.size(), "provenance.json must record the first start and the resume");
        assertEquals(null, sessions.get(0).resumedFromStep(), "the first session starts fresh");
        assertEquals(7L, sessions.get(1).resumedFromStep(), "the resume continues from the step-7 checkpoint");
    }

    @Test
    void runKilledMidStepResumesExactly() throws Exception {
        Path run = dir.resolve("killed");
        Process child = new ProcessBuilder(javaBinary(), "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), PipelineChild.class.getName(), recipeFile.toString(),
                run.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (!Files.isRegularFile(run.resolve("checkpoints/step_7/trainer_state.json"))) {
                assertTrue(child.isAlive(), "the child run died early; see " + dir.resolve("child.log"));
                assertTrue(System.nanoTime() < deadline, "no checkpoint at step 7 within 4 minutes");
                Thread.sleep(100);
            }
            Thread.sleep(50); // into step 8 (steps take ~0.2 s here)
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(!Files.exists(run.resolve("stages/rl/final")), "the child was killed before finishing the stage");
        pipeline(run).run();
        assertSameRun(run);
    }

    @Test
    void runStoppedBySigtermExitsAtSafePointAndResumesExactly() throws Exception {
        Path run = dir.resolve("terminated");
        Path log = dir.resolve("sigterm-child.log");
        Path crashDir = Files.createDirectories(dir.resolve("sigterm-crash"));
        Process child = new ProcessBuilder(javaBinary(), "-Dai.djl.offline=true",
                "-XX:ErrorFile=" + crashDir.resolve("hs_err_pid%p.log"), "-cp", System.getProperty("java.class.path"),
                PipelineChild.class.getName(), recipeFile.toString(), run.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit;
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (!Files.isRegularFile(run.resolve("checkpoints/step_7/trainer_state.json"))) {
                assertTrue(child.isAlive(), "the child run died early; see " + log);
                assertTrue(System.nanoTime() < deadline, "no checkpoint at step 7 within 4 minutes");
                Thread.sleep(100);
            }
            Thread.sleep(50); // into step 8 (steps take ~0.2 s here), most of which is spent inside libtorch
            child.destroy(); // SIGTERM on Linux
            assertTrue(child.waitFor(90, TimeUnit.SECONDS), "the child did not exit within 90 s of SIGTERM");
            exit = child.exitValue();
        } finally {
            child.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        try (var crashes = Files.list(crashDir)) {
            assertEquals(List.of(), crashes.toList(), "SIGTERM crashed the JVM; child log: " + log);
        }
        assertEquals(143, exit, "a SIGTERM'd JVM that shut down cleanly exits with 128+15; see " + log);
        assertTrue(out.contains("stopping at the next safe point; resume with the same command"),
                "the child must say it stops at the next safe point; see " + log);
        assertTrue(out.contains("stopped at a safe point after global step"),
                "the loop must stop between steps, not be torn down mid-step; see " + log);
        assertTrue(!Files.exists(run.resolve("stages/rl/final")), "the stopped child must not finish the stage");
        pipeline(run).run();
        assertSameRun(run);
    }

    @Test
    void aFinishedStageWhoseFinalWeightsWereBeingReplacedIsPutBackNotRetrained() throws IOException {
        Path run = dir.resolve("interrupted-replacement");
        copyTree(straight, run);
        Path stageDir = run.resolve("stages/rl");
        Path state = stageDir.resolve("final").resolve(StageCheckpoints.STATE_FILE);
        FileTime written = Files.getLastModifiedTime(state);
        // as if a crash came between moving the old final weights aside and moving their replacement in
        Files.move(stageDir.resolve("final"), stageDir.resolve(".old-final"));
        Files.createDirectories(stageDir.resolve(".tmp-final-1"));
        pipeline(run).run();
        assertEquals(written, Files.getLastModifiedTime(state), "the put-back weights must be used, not retrained");
        try (var left = Files.list(stageDir)) {
            assertEquals(List.of("final"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertSameRun(run);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void assertSameRun(Path run) throws IOException {
        for (int step = 5; step <= 10; step++) {
            assertEquals(promptIds(straight, step), promptIds(run, step), "prompts of RL step " + step
                    + " (global) differ from the straight run");
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> a = Checkpoint.readTensors(straight.resolve("stages/rl/final"), m);
            Map<String, NDArray> b = Checkpoint.readTensors(run.resolve("stages/rl/final"), m);
            assertEquals(a.keySet(), b.keySet(), "tensor names differ");
            double worst = 0;
            for (String name : a.keySet()) {
                worst = Math.max(worst, a.get(name).sub(b.get(name)).abs().max().getFloat());
            }
            System.err.printf("resume: largest parameter difference vs the straight run %.3g%n", worst);
            assertTrue(worst <= 1e-5, "final weights differ from the straight run by up to " + worst);
        }
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8);
        List<Long> steps = new ArrayList<>();
        for (String line : lines) {
            steps.add(new ObjectMapper().readTree(line).path("step").asLong());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), steps,
                "metrics.jsonl must hold each step once after a resume");
    }

    private static List<String> promptIds(Path run, int step) throws IOException {
        List<String> ids = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("rollouts/step_" + step + ".jsonl"))) {
            ids.add(json.readTree(line).path("promptId").asText());
        }
        return ids;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
