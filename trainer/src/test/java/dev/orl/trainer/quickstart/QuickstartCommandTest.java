package dev.orl.trainer.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code orl quickstart}, shortened to a few steps per stage, runs every stage of the embedded pipeline with an
 * in-process sandbox judging code, writes report.html and prints only its path and the per-set summary on stdout.
 */
@Tag("slow")
class QuickstartCommandTest {

    @TempDir
    Path run;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shortenedQuickstartRunsAllStagesAndPrintsReportAndSummary() throws Exception {
        List<String> args = new ArrayList<>(List.of("--run-dir", run.toString(), "--seed", "3"));
        for (String set : List.of("stages.rm.steps=3", "stages.sft.steps=4", "stages.stage1.steps=2",
                "stages.stage2.steps=1", "stages.stage1.rollout.prompts_per_step=2", "stages.stage1.rollout.n=4",
                "stages.stage2.rollout.prompts_per_step=2", "stages.stage2.rollout.n=4",
                "stages.stage1.rollout.max_new_tokens=24", "stages.stage2.rollout.max_new_tokens=24",
                "stages.stage1.updates.mini_batch_size=1", "stages.stage2.updates.mini_batch_size=1",
                "validation.max_prompts=3", "validation.n=2", "validation.pass_at_k=[1,2]",
                "validation.max_new_tokens=16")) {
            args.add("--set");
            args.add(set);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new QuickstartCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));

        assertEquals(0, code, "quickstart failed; stderr: " + err);
        List<String> lines = out.toString().lines().toList();
        assertEquals(4, lines.size(), "stdout should be the report path and one line per validation set, got:\n" + out);
        Path html = Path.of(lines.get(0));
        assertEquals(run.resolve("report.html").toAbsolutePath(), html.toAbsolutePath(), "report path");
        assertTrue(Files.size(html) > 0, "report.html is empty");
        for (String set : List.of("code", "ifeval", "math")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(set) && l.contains("acc/mean@2")
                    && l.contains("sft ") && l.contains(" -> stage1 ") && l.contains(" -> stage2 ")
                    && !l.contains("n/a")), "no complete summary line for '" + set + "' in:\n" + out);
        }
        for (String stage : List.of("rm", "sft", "stage1", "stage2")) {
            assertTrue(Files.isRegularFile(run.resolve("stages/" + stage + "/final/config.json")),
                    "stage " + stage + " left no final weights");
        }
        String metrics = Files.readString(run.resolve("metrics.jsonl"));
        for (String key : List.of("\"reward/code_exec/mean\"", "\"reward/math_accuracy/mean\"",
                "\"rm/val_pairwise_acc\"", "\"val-core/code/acc/mean@2\"", "\"val-core/math/unjudged_ratio\":0.0")) {
            assertTrue(metrics.contains(key), "metrics.jsonl lacks " + key);
        }
    }

    @Test
    void rlOptimizerStepsCountMiniBatchesAndEpochs() throws Exception {
        assertEquals(6, QuickstartRecipe.optimizerSteps(YAML.readTree("{steps: 6, rollout: {prompts_per_step: 8}}")));
        assertEquals(60, QuickstartRecipe.optimizerSteps(YAML.readTree(
                "{steps: 10, rollout: {prompts_per_step: 8}, updates: {mini_batch_size: 3, ppo_epochs: 2}}")), "10 x 2 x ceil(8/3)");
    }

    @Test
    void sftControlContinuesTheColdStartForTheFirstRlStagesSteps() throws Exception {
        Path cold = Files.createDirectories(run.resolve("stages/sft/final"));
        Files.writeString(cold.resolve("config.json"), "{}");
        String control = QuickstartRecipe.embedded().sftControl(run).text();

        assertTrue(control.contains("sft_control:"), "no control stage in:\n" + control);
        assertTrue(!control.contains("kind: \"rl\"") && !control.contains("kind: rl"), "RL stage kept:\n" + control);
        int rlOptimizerSteps = QuickstartRecipe.optimizerSteps(YAML.readTree(QuickstartRecipe.embedded().text())
                .path("stages").path("stage1"));
        assertTrue(control.contains("steps: " + rlOptimizerSteps), "control should run stage1's " + rlOptimizerSteps
                + " optimizer steps:\n" + control);
        assertTrue(control.contains(cold.toAbsolutePath().toString()), "control should start from the cold start");
    }

    @Test
    void sftControlCountsStepsAfterSetOverrides() throws Exception {
        Path cold = Files.createDirectories(run.resolve("stages/sft/final"));
        Files.writeString(cold.resolve("config.json"), "{}");
        QuickstartRecipe overridden = QuickstartRecipe.embedded().withOverrides(run,
                List.of("stages.stage1.steps=7", "stages.sft.sft.batch_size=5"));
        var stages = YAML.readTree(overridden.sftControl(run).text()).path("stages");

        var embeddedStage1 = YAML.readTree(QuickstartRecipe.embedded().text()).path("stages").path("stage1");
        int perStep = QuickstartRecipe.optimizerSteps(embeddedStage1) / embeddedStage1.path("steps").asInt();
        assertEquals(7 * perStep, stages.path("sft_control").path("steps").asInt(), "control steps from --set");
        assertEquals(5, stages.path("sft_control").path("sft").path("batch_size").asInt(), "sft --set carried over");
    }

    @Test
    void sftControlWithUnknownSetKeyFailsNamingTheKey() throws Exception {
        Path cold = Files.createDirectories(run.resolve("stages/sft/final"));
        Files.writeString(cold.resolve("config.json"), "{}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new QuickstartCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--sft-control", run.toString(), "--run-dir", run.resolve("control").toString(),
                        "--set", "stages.stage1.stpes=3");

        assertEquals(2, code, "stderr: " + err);
        assertTrue(err.toString().contains("stages.stage1.stpes") && err.toString().contains("steps"),
                "error should name the key and suggest the right one: " + err);
        assertEquals("", out.toString(), "nothing on stdout");
    }

    /** The published recipe and the embedded one must not drift apart: only the name and the lengths differ. */
    @Test
    void publishedQwqSmallRecipeIsTheQuickstartAtFullLength() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        URI sandbox = URI.create("http://127.0.0.1:1");
        var published = QuickstartRecipe.of(repo.resolve("docs/recipes/qwq-small.yaml")).withSandbox(sandbox)
                .load(repo, List.of()).recipe();
        var quickstart = QuickstartRecipe.embedded().withSandbox(sandbox).load(repo, List.of("name=qwq-small",
                "stages.sft.steps=2500", "stages.stage1.steps=120", "stages.stage2.steps=60")).recipe();

        assertEquals(quickstart.toString(), published.toString());
    }
}
