package dev.orl.trainer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.eval.bench.ProgressBar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {

    @TempDir
    Path dir;

    private static Map<String, Double> data(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void writesOneJsonLinePerStepAndOneConsoleLine() throws IOException {
        Path file = dir.resolve("run/metrics.jsonl");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (MetricsLog log = new MetricsLog(file, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            log.log(3, "stage1", data("critic/score/mean", 0.5, "timing_s/gen", 1.25, "actor/lr", 1e-6));
        }
        assertEquals("step:4 - stage:s - a:2", MetricsLog.consoleLine(4, "s", data("a", 2, "b", Double.NaN)),
                "a NaN is left out of the console line");
        assertEquals("step:4 - stage:s - reward/ifeval/mean:0.5", MetricsLog.consoleLine(4, "s",
                data("reward/ifeval/mean", 0.5, "reward/ifeval/punctuation:no_comma/mean", 1.0)),
                "per-part reward means stay in the file, off the console");
        assertEquals("{\"step\":3,\"stage\":\"stage1\",\"data\":{\"critic/score/mean\":0.5,\"timing_s/gen\":1.25,"
                + "\"actor/lr\":1.0E-6}}", Files.readString(file).strip());
        assertEquals("step:3 - stage:stage1 - critic/score/mean:0.5 - timing_s/gen:1.25 - actor/lr:1.000e-06",
                console.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void reopeningAppendsAndNonFiniteValuesBecomeNull() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsLog log = new MetricsLog(file, null)) {
            log.log(1, "s", data("a", 1));
        }
        try (MetricsLog log = new MetricsLog(file, null)) {
            log.log(2, "s", data("a", Double.NaN));
        }
        List<MetricsLine> lines = MetricsLog.read(file);
        assertEquals(2, lines.size(), "the second log must append, not overwrite");
        assertTrue(Files.readString(file).contains("\"a\":null"), "NaN is not JSON: it is written as null");
        assertTrue(Double.isNaN(lines.get(1).data().get("a")), "and read back as NaN");
    }

    @Test
    void resumeDropsWhatTheCrashedRunWroteAfterTheCheckpoint() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsLog log = new MetricsLog(file, null)) {
            for (int step = 1; step <= 3; step++) {
                log.log(step, "sft", data("loss", step));
            }
            log.log(1, "rl", data("score", 0.1));
        }
        Files.writeString(file, "{\"step\":2,\"stage\":\"rl\",\"da", java.nio.file.StandardOpenOption.APPEND);
        List<String> order = List.of("sft", "rl");

        MetricsLog.truncateAfter(file, order, "rl", 1);
        assertEquals(4, MetricsLog.read(file).size(), "the torn line is dropped, complete ones kept");

        MetricsLog.truncateAfter(file, order, "sft", 2);
        List<MetricsLine> lines = MetricsLog.read(file);
        assertEquals(List.of(1L, 2L), lines.stream().map(MetricsLine::step).toList(),
                "sft step 3 and the whole rl stage came after the checkpoint");

        try (MetricsLog log = new MetricsLog(file, null)) {
            log.log(3, "sft", data("loss", 3.5));
        }
        assertEquals(List.of(1L, 2L, 3L), MetricsLog.read(file).stream().map(MetricsLine::step).toList(),
                "the resumed run appends the steps it runs again once each");
    }

    @Test
    void phaseTimerAddsRepeatedPhasesAndNamesThemTimingS() {
        AtomicLong now = new AtomicLong();
        PhaseTimer timer = new PhaseTimer(now::get);
        try (var t = timer.start(MetricNames.GEN)) {
            now.addAndGet(1_500_000_000L);
        }
        try (var t = timer.start(MetricNames.GEN)) {
            now.addAndGet(500_000_000L);
        }
        timer.time(MetricNames.REWARD, () -> now.addAndGet(250_000_000L));
        assertEquals(Map.of("timing_s/gen", 2.0, "timing_s/reward", 0.25), timer.metrics());
        timer.reset();
        assertEquals(Map.of(), timer.metrics(), "reset starts a new step");
    }

    @Test
    void progressDrawsOnStderrOnlyWhenTheRecipeAsksAndNeverOnStdout() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            for (boolean enabled : new boolean[] {false, true}) {
                try (ProgressBar bar = Progress.of(enabled).start(enabled ? "on" : "off", 4)) {
                    bar.advance(4);
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String drawn = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("on [########################] 4/4"), "logging.progress: true draws: " + drawn);
        assertTrue(!drawn.contains("off"), "logging.progress: false draws nothing: " + drawn);
        assertEquals("", stdout.toString(StandardCharsets.UTF_8), "stdout is for machine-readable output only");
    }

    @Test
    void mfuCountsSixFlopsPerTrainedAndTwoPerGeneratedTokenPerParameter() {
        // 1e6 params: 1000 trained tokens = 6e9 FLOPs, 1000 generated = 2e9; 8e9 in 2 s on a 1e10 peak = 0.4
        assertEquals(0.4, Throughput.mfu(1_000_000, 1000, 1000, 2.0, 1e10), 1e-12);
        assertEquals(500.0, Throughput.tokensPerSecond(1000, 2.0), 1e-12);
    }
}
