package dev.orl.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.eval.testing.TinyCheckpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    private static final Map<String, List<String>> EXPECTED_METRICS = Map.of(
            "gsm8k", List.of("acc/mean@2", "pass@1", "pass@2", "maj@1", "maj@2"),
            "math500", List.of("acc/mean@2", "pass@1", "pass@2", "maj@1", "maj@2"),
            "humaneval", List.of("acc/mean@2", "pass@1", "pass@2"),
            "mbpp", List.of("acc/mean@2", "pass@1", "pass@2"),
            "ifeval", List.of("acc/mean@2", "pass@1", "pass@2", "prompt_strict", "prompt_loose",
                    "instruction_strict", "instruction_loose"));

    @TempDir
    Path tmp;

    @Test
    @Tag("slow")
    void evaluatesATinyCheckpointOnAllFiveBenchmarks() throws Exception {
        Path checkpoint = TinyCheckpoint.write(tmp.resolve("ckpt"));
        Path out = tmp.resolve("reports/eval.json");
        StringWriter stdout = new StringWriter();
        int code = new CommandLine(new EvalCommand()).setOut(new PrintWriter(stdout)).execute(
                "--checkpoint", checkpoint.toString(), "--data-dir", TinyCheckpoint.sharedDatasets().toString(),
                "--threads", "1", "--limit", "5", "--n", "2", "--k", "1,2", "--temperature", "1.0",
                "--max-new-tokens", "6",
                "--out", out.toString(), "--markdown", tmp.resolve("reports/eval.md").toString(), "--json",
                "--samples", tmp.resolve("reports/samples.jsonl").toString());
        assertEquals(0, code, "exit code");
        JsonNode printed = new ObjectMapper().readTree(stdout.toString());
        JsonNode written = new ObjectMapper().readTree(Files.readString(out));
        assertEquals(written, printed, "stdout holds exactly the JSON written to --out");
        JsonNode benchmarks = printed.get("benchmarks");
        assertEquals(List.of("gsm8k", "math500", "humaneval", "mbpp", "ifeval"), names(benchmarks));
        for (Map.Entry<String, List<String>> e : EXPECTED_METRICS.entrySet()) {
            JsonNode b = benchmarks.get(e.getKey());
            assertEquals(5, b.get("problems").asInt(), e.getKey() + " problems");
            assertEquals(2, b.get("samples_per_problem").asInt(), e.getKey() + " samples");
            int judged = 0;
            for (JsonNode count : b.get("statuses")) {
                judged += count.asInt();
            }
            assertEquals(10, judged, e.getKey() + ": every response has a status " + b.get("statuses"));
            assertEquals(5, b.get("correct_by_problem").size(), e.getKey() + " per-problem counts");
            assertEquals(e.getValue(), names(b.get("metrics")), e.getKey() + " metrics");
            for (JsonNode m : b.get("metrics")) {
                double v = m.get("value").asDouble();
                assertTrue(v >= 0 && v <= 1, e.getKey() + " metric out of [0, 1]: " + m);
                assertTrue(m.get("lower").asDouble() <= v && v <= m.get("upper").asDouble(),
                        e.getKey() + " interval must contain the estimate: " + m);
            }
        }
        assertTrue(benchmarks.get("math500").get("breakdowns").has("subject"), "MATH-500 per-subject breakdown");
        assertTrue(benchmarks.get("math500").get("breakdowns").has("level"), "MATH-500 per-level breakdown");
        assertEquals(List.of("mbpp/11", "mbpp/12", "mbpp/13", "mbpp/14", "mbpp/15"),
                names(benchmarks.get("mbpp").get("correct_by_problem")), "MBPP's test split starts at task 11");
        List<String> dumped = Files.readAllLines(tmp.resolve("reports/samples.jsonl"));
        assertEquals(5 * 5 * 2, dumped.size(), "one line per response");
        JsonNode first = new ObjectMapper().readTree(dumped.get(0));
        assertEquals("gsm8k", first.get("benchmark").asText());
        assertTrue(first.has("text") && first.has("status") && first.has("correct"), first.toString());
        String md = Files.readString(tmp.resolve("reports/eval.md"));
        assertTrue(md.contains("| ifeval | instruction_loose |"), "markdown table rows:\n" + md);
    }

    @Test
    void missingDataNamesTheBenchmarkAndTheFlags() throws Exception {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EvalCommand()).setErr(new PrintWriter(err)).execute(
                "--checkpoint", tmp.toString(), "--bench", "gsm8k", "--path", "gsm8k=" + tmp.resolve("none.jsonl"));
        assertEquals(2, code, "usage error");
        assertTrue(err.toString().contains("benchmark 'gsm8k': no file"), err.toString());
    }

    @Test
    void aRewardModelCheckpointIsRefusedBeforeGenerating() throws Exception {
        Path checkpoint = TinyCheckpoint.write(tmp.resolve("rm"));
        Path config = checkpoint.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("Qwen2ForCausalLM", "Qwen2ForSequenceClassification"));
        Path data = Files.writeString(tmp.resolve("ifeval.jsonl"), "{\"key\": 1, \"prompt\": \"Say hi.\","
                + " \"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}\n");
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EvalCommand()).setErr(new PrintWriter(err)).execute(
                "--checkpoint", checkpoint.toString(), "--bench", "ifeval", "--path", "ifeval=" + data);
        assertEquals(2, code, "usage error: " + err);
        assertTrue(err.toString().contains("is a reward model (Qwen2ForSequenceClassification)"), err.toString());
    }

    @Test
    void kAboveNIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EvalCommand()).setErr(new PrintWriter(err)).execute(
                "--checkpoint", tmp.toString(), "--n", "2", "--k", "4", "--data-dir", tmp.toString());
        assertEquals(2, code, "usage error");
        assertTrue(err.toString().contains("k=4"), err.toString());
    }

    @Test
    void negativeThreadsIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EvalCommand()).setErr(new PrintWriter(err)).execute(
                "--checkpoint", tmp.toString(), "--threads", "-1", "--data-dir", tmp.toString());
        assertEquals(2, code, "usage error");
        assertTrue(err.toString().contains("--threads must be >= 0, got -1"), err.toString());
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
