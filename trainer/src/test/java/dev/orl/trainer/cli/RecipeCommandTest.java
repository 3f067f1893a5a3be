package dev.orl.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecipeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new RecipeCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path recipe(String yaml) throws IOException {
        return Files.writeString(dir.resolve("r.yaml"), yaml);
    }

    @Test
    void printsTheResolvedRecipeOnStdoutOnly() throws IOException {
        Path file = recipe("model: {init: {hidden_size: 8}, tokenizer: char}\nstages:\n  cold: {kind: sft, steps: 2, "
                + "data: {sources: [{format: synthetic/arith, synthetic: {count: 4}}]}}\n");
        assertEquals(0, run(file.toString(), "--set", "stages.cold.sft.batch_size=4"), err.toString());
        assertTrue(out.toString().contains("batch_size: 4"), out.toString());
        assertEquals("", err.toString(), "nothing but the YAML is printed");
    }

    @Test
    void aBadRecipeExitsWithTwoAndTheLocatedMessageOnStderr() throws IOException {
        Path file = recipe("seed: 1\nsede: 2\n");
        assertEquals(2, run(file.toString()));
        assertTrue(err.toString().contains("r.yaml line 2: unknown key 'sede' (did you mean 'seed'?)"),
                err.toString());
        assertEquals("", out.toString(), "stdout stays clean on errors");
    }

    private static final String RL = "model: {init: {hidden_size: 8}, tokenizer: char}\nstages:\n  s1:\n    kind: rl\n"
            + "    steps: 1\n    data:\n      sources: [{name: arith, format: synthetic/arith, synthetic: {count: 4}}]\n"
            + "    rewards:\n";

    @Test
    void rejectsARewardRoutedToADataSourceNoPromptHas() throws IOException {
        Path file = recipe(RL + "      - {name: math_accuracy, data_sources: [arithx]}\n");
        assertEquals(2, run(file.toString()), out.toString());
        assertTrue(err.toString().contains("r.yaml line 9: 'stages.s1.rewards.0.data_sources': names 'arithx', a data"
                + " source none of these prompts has (did you mean 'arith'?) (they have: arith)"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void rejectsAMistypedRewardOptionBeforeAnyStageRuns() throws IOException {
        Path file = recipe(RL + "      - {name: math_accuracy, options: {strictt: true}}\n");
        assertEquals(2, run(file.toString()), out.toString());
        assertTrue(err.toString().contains("r.yaml line 9: 'stages.s1.rewards.0': reward 'math_accuracy': unknown option(s)"
                + " [strictt]"),
                err.toString());
    }

    @Test
    void sandboxUrlLeftInARecipeSaysOnlyQuickstartFillsItIn() throws IOException {
        Path file = recipe(RL + "      - {name: code_exec, options: {urls: [\"${sandbox_url}\"]}}\n");
        assertEquals(2, run(file.toString()), out.toString());
        assertTrue(err.toString().contains("'${sandbox_url}' is filled in only by 'orl quickstart'"), err.toString());
    }

    @Test
    void anIncompleteCheckpointNamesTheMissingFileAndTheKey() throws Exception {
        Path ckpt = Files.createDirectories(dir.resolve("ckpt"));
        Path file = recipe("model: {checkpoint: " + ckpt + "}\nstages:\n  cold: {kind: sft, steps: 2, "
                + "data: {sources: [{format: synthetic/arith, synthetic: {count: 4}}]}}\n");
        assertEquals(2, run(file.toString()));
        assertTrue(err.toString().contains("r.yaml line 1: 'model.checkpoint': " + ckpt.resolve("config.json")
                + ": checkpoint has no config.json"), err.toString());
        var policy = dev.orl.trainer.testing.TinyPolicies.random(3);
        try (var model = policy.model()) {
            model.save(ckpt, java.util.Map.of());
        }
        err.getBuffer().setLength(0);
        assertEquals(2, run(file.toString()));
        assertTrue(err.toString().contains("'model.checkpoint': " + ckpt + ": no tokenizer: expected tokenizer.json"),
                err.toString());
        Files.delete(ckpt.resolve("model.safetensors"));
        err.getBuffer().setLength(0);
        assertEquals(2, run(file.toString()));
        assertTrue(err.toString().contains("'model.checkpoint': " + ckpt.resolve("model.safetensors")
                + ": checkpoint has neither model.safetensors"), err.toString());
        assertEquals("", out.toString());
    }
}
