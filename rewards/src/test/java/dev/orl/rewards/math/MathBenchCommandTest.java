package dev.orl.rewards.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MathBenchCommandTest {

    private static Path shared(String relative) {
        return Path.of(System.getProperty("orl.shared.datasets"), relative);
    }

    @Test
    void printsAMarkdownRowPerPairSet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new CommandLine(new MathBenchCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--gsm8k", shared("gsm8k/test.jsonl").toString(), "--math500",
                        shared("math500/test.jsonl").toString(), "--warmup-seconds", "0.2", "--seconds", "0.3");
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, table);
        List<String> rows = table.lines().filter(l -> l.startsWith("| GSM8K") || l.startsWith("| MATH")).toList();
        assertEquals(2, rows.size(), "expected a GSM8K and a MATH-500 row in:\n" + table);
    }

    @Test
    void halfOfTheBenchmarkPairsMatch() throws Exception {
        // Own-answer pairs verify and deranged pairs do not (a few deranged answers coincide), so about half verify.
        MathVerifier verifier = new MathVerifier();
        for (List<MathBenchCommand.Pair> pairs : List.of(MathBenchCommand.gsm8kPairs(shared("gsm8k/test.jsonl")),
                MathBenchCommand.math500Pairs(shared("math500/test.jsonl")))) {
            MathBenchCommand.Result r = MathBenchCommand.measure(verifier, "set", pairs, 0, 0.2);
            double rate = r.correct() / (double) r.pairs();
            assertTrue(rate >= 0.5 && rate <= 0.51, "verified share " + rate + " should be just over one half");
            assertTrue(r.perSecond() > 100, "throughput collapsed: " + r.perSecond() + "/s");
        }
    }

    @Test
    void refusesToRunWithoutDataFiles() {
        int code = new CommandLine(new MathBenchCommand(new PrintStream(new ByteArrayOutputStream()))).execute();
        assertTrue(code != 0, "running with no data file should fail with usage");
    }

    @Test
    void usageOnAnErrorNamesTheCommandAsRegistered() {
        CommandLine bench = new CommandLine(CommandLine.Model.CommandSpec.create().name("bench"))
                .addSubcommand(new MathBenchCommand(new PrintStream(new ByteArrayOutputStream())));
        CommandLine orl = new CommandLine(CommandLine.Model.CommandSpec.create().name("orl"))
                .addSubcommand(bench);
        StringWriter err = new StringWriter();
        orl.setErr(new PrintWriter(err, true));
        assertEquals(2, orl.execute("bench", "math"), err.toString());
        assertTrue(err.toString().contains("Usage: orl bench math "), "usage should name 'orl bench math':\n" + err);
    }
}
