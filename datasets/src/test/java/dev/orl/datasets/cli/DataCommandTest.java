package dev.orl.datasets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.datasets.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DataCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DataCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void previewPrintsTheFirstPromptsAsJsonLinesOnly() throws Exception {
        Run r = run("preview", "--source", "gsm8k", "--path",
                SharedData.dir().resolve("gsm8k/test.jsonl").toString(), "-n", "3", "--json");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), "one JSON line per prompt and nothing else on stdout:\n" + r.out());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("gsm8k", first.get("dataSource").asText());
        assertEquals("18", first.get("reference").get("answer").asText());
        assertEquals("user", first.get("messages").get(0).get("role").asText());
    }

    @Test
    void previewShowsSyntheticTasksAsText() {
        Run r = run("preview", "--source", "synthetic/countdown", "-n", "2", "--seed", "4", "--min-level", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("=== synthetic/countdown/rl/1"), r.out());
        assertTrue(r.out().contains("Using the numbers"), r.out());
    }

    @Test
    void statsGivesCountsAndLengthPercentiles() throws Exception {
        Run r = run("stats", "--source", "humaneval", "--path",
                SharedData.dir().resolve("humaneval/HumanEval.jsonl.gz").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode stats = new ObjectMapper().readTree(r.out());
        assertEquals(164, stats.get("prompts").asInt());
        int p50 = stats.get("prompt_chars_p50").asInt();
        int p90 = stats.get("prompt_chars_p90").asInt();
        int max = stats.get("prompt_chars_max").asInt();
        assertTrue(0 < p50 && p50 <= p90 && p90 <= max, r.out());
        assertTrue(stats.get("reference_keys").toString().contains("entry_point"), r.out());
        assertTrue(stats.get("load_ms").asLong() >= 0, r.out());

        Run table = run("stats", "--source", "synthetic/arith", "--count", "50");
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("prompts                50"), table.out());
    }

    @Test
    void missingFileExitsNonZeroNamingThePath() {
        Run r = run("stats", "--source", "mbpp", "--path", "/no/such/mbpp.jsonl");
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("/no/such/mbpp.jsonl") && r.err().contains("(from '--path')"), r.err());
    }

    @Test
    void fileSourceWithoutPathAsksForTheOption() {
        Run r = run("preview", "--source", "gsm8k");
        assertEquals(2, r.exit(), "a missing option is a usage error: " + r.err());
        assertTrue(r.err().startsWith("--path is required for --source gsm8k"), r.err());
    }

    @Test
    void unknownFormatListsFileFormatsAndGenerators() {
        Run r = run("preview", "--source", "gsm9k");
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("unknown data format 'gsm9k'") && r.err().contains("gsm8k")
                && r.err().contains("synthetic/arith") && r.err().contains("synthetic/preference"), r.err());
    }

    @Test
    void unknownSplitIsRejectedWithTheChoices() {
        Run r = run("preview", "--source", "synthetic/arith", "--split", "test");
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("--split must be one of [sft, rl, val], got 'test'"), r.err());
    }

    @Test
    void percentileIsNearestRank() {
        int[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, StatsCommand.percentile(values, 50));
        assertEquals(9, StatsCommand.percentile(values, 90));
        assertEquals(10, StatsCommand.percentile(values, 99));
    }
}
