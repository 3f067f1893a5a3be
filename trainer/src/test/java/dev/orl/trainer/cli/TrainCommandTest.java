package dev.orl.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.trainer.checkpoint.Provenance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code orl train} rejects a malformed recipe before any work, naming the file, line and key, and records the command
 * line a run was started with.
 */
class TrainCommandTest {

    private static final String GOOD = """
            model:
              init: {hidden_size: 64, num_hidden_layers: 1, num_attention_heads: 2}
              tokenizer: char
            stages:
              rl:
                kind: rl
                steps: 2
                data: {sources: [{format: synthetic/arith, synthetic: {count: 10}}]}
                rewards: [{name: math_accuracy}]
                rollout: {prompts_per_step: 2, n: 2, max_new_tokens: 4}
            """;

    @TempDir
    Path dir;

    record Outcome(int exit, String err) {}

    private Outcome train(String yaml) throws Exception {
        Path recipe = dir.resolve("bad.yaml");
        Files.writeString(recipe, yaml);
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TrainCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute(recipe.toString(), "--run-dir", dir.resolve("run").toString());
        return new Outcome(exit, err.toString());
    }

    private void assertRejected(Outcome o, String... expected) {
        assertEquals(2, o.exit(), "a malformed recipe must exit with 2; stderr: " + o.err());
        for (String e : expected) {
            assertTrue(o.err().contains(e), "the error must mention '" + e + "', got: " + o.err());
        }
        assertFalse(Files.exists(dir.resolve("run")), "no work may start: the run directory must not exist");
    }

    @Test
    void rejectsUnknownKeyNamingFileLineAndKey() throws Exception {
        assertRejected(train(GOOD.replace("max_new_tokens: 4", "max_new_tokens: 4, tempreature: 0.5")),
                "bad.yaml line 10", "tempreature", "temperature");
    }

    @Test
    void rejectsWrongTypeNamingFileLineAndKey() throws Exception {
        assertRejected(train(GOOD.replace("steps: 2", "steps: many")), "bad.yaml line 7", "stages.rl.steps");
    }

    @Test
    void rejectsMissingDataFileNamingFileLineAndKey() throws Exception {
        assertRejected(train(GOOD.replace("{format: synthetic/arith, synthetic: {count: 10}}",
                "{format: gsm8k, path: no/such/train.jsonl}")), "bad.yaml line 8", "no/such/train.jsonl",
                "stages.rl.data");
    }

    @Test
    void rejectsMalformedDataRecordBeforeAnyWork() throws Exception {
        Path data = dir.resolve("prompts.jsonl");
        Files.writeString(data, "{\"prompt\": \"What is 2+3?\", \"reference\": {\"answer\": \"5\"}}\n{\"prompt\": 7, \"oops\": 1}\n");
        assertRejected(train(GOOD.replace("{format: synthetic/arith, synthetic: {count: 10}}",
                "{format: orl, path: " + data + "}")), "bad.yaml", "stages.rl.data.sources.0", "prompts.jsonl");
    }

    @Test
    void rejectsUnknownRewardBeforeAnyWork() throws Exception {
        assertRejected(train(GOOD.replace("math_accuracy", "math_acuracy")), "bad.yaml", "stages.rl.rewards",
                "math_acuracy");
    }

    @Test
    void rejectsMalformedDataSpecBeforeAnyWork() throws Exception {
        assertRejected(train(GOOD.replace("synthetic: {count: 10}", "synthetic: {count: 10}, wieght: 2")),
                "bad.yaml", "stages.rl.data");
    }

    @Command(name = "orl")
    static final class Root {
    }

    @Test
    void recordsTheCommandLineInTheRunsProvenance() throws Exception {
        Path recipe = dir.resolve("good.yaml");
        Files.writeString(recipe, GOOD);
        Path run = dir.resolve("run");
        CommandLine cli = new CommandLine(new Root()).addSubcommand(new TrainCommand());
        cli.setErr(new PrintWriter(new StringWriter(), true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        String[] args = {"train", recipe.toString(), "--run-dir", run.toString(), "--set", "seed=3"};

        assertEquals(0, cli.execute(args));

        List<Provenance> sessions = Provenance.readAll(run.resolve("provenance.json"));
        List<String> expected = new ArrayList<>(List.of("orl"));
        expected.addAll(List.of(args));
        assertEquals(expected, sessions.get(0).command());
    }
}
