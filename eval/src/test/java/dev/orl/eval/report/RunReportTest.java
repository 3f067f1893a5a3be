package dev.orl.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunReportTest {

    @TempDir
    Path tmp;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return new CommandLine(new ReportCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void writesNonEmptyPlotsAndAPageThatReferencesThem() throws Exception {
        Path runDir = SyntheticRun.write(tmp.resolve("run-a"), 0.4, 1);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, runDir.toString(), "--json"), "exit code; stderr: " + err);
        JsonNode printed = new ObjectMapper().readTree(out.toString());
        Path html = Path.of(printed.get("html").asText());
        assertEquals(runDir.resolve("report.html"), html, "a single run's report goes into its directory");
        List<String> expected = List.of("reward.png", "val-gsm8k.png", "response_length.png", "entropy.png",
                "kl.png", "clip.png", "timing.png");
        String page = Files.readString(html);
        for (String name : expected) {
            Path png = runDir.resolve("plots").resolve(name);
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image != null && image.getWidth() == 900 && image.getHeight() == 480,
                    name + " is a 900×480 PNG");
            assertTrue(distinctColours(image) > 5, name + " has drawn content, not a blank image");
            assertTrue(page.contains("src=\"plots/" + name + "\""), "report.html shows " + name);
        }
        assertEquals(expected.size(), printed.get("plots").size(), "plots listed: " + printed.get("plots"));
        assertTrue(page.contains("<td class=\"l\">stage1</td>") && page.contains("<td class=\"l\">stage2</td>"),
                "both stages appear in the tables");
    }

    @Test
    void thePageShowsEachSessionsCommandQuotedForTheShell() throws Exception {
        Path started = SyntheticRun.write(tmp.resolve("run-a"), 0.4, 1);
        Files.writeString(started.resolve(RunSession.FILE), """
                [ {"started_at": "2026-11-24T09:53:10Z", "git_commit": "e2dd8bfc0a2a55adcf15d0f9b29ffe463f01902b",
                   "command": ["orl", "train", "r.yaml", "--set", "note=it's here"]},
                  {"started_at": "2026-11-24T10:00:00Z", "command": []} ]
                """);
        Path unrecorded = SyntheticRun.write(tmp.resolve("run-b"), 0.4, 2);

        new RunReport(5).write(List.of(started, unrecorded), tmp.resolve("out"));

        String page = Files.readString(tmp.resolve("out").resolve(RunReport.HTML));
        assertTrue(page.contains("<code>orl train r.yaml --set 'note=it'\\''s here'</code>"), page);
        assertTrue(page.contains(">e2dd8bfc0a<"), "the commit, shortened");
        assertTrue(page.contains("not recorded"), "a session from before commands were recorded says so");
        assertTrue(page.contains("no " + RunSession.FILE), "a run without a provenance record says so");
    }

    @Test
    void stageTableFindsTheClimbInStageOneAndNoneInStageTwo() throws Exception {
        RunMetrics run = RunMetrics.read(SyntheticRun.write(tmp.resolve("run"), 0.4, 2), "run");
        List<StageChange> changes = new RunStatistics(5).stageChanges(run);
        StageChange climb = find(changes, "stage1", "critic/score/mean");
        StageChange flat = find(changes, "stage2", "critic/score/mean");
        assertTrue(climb.change().significant() && climb.change().delta() > 0.25,
                "stage 1 climbs by ~0.3 between its first and last 5 steps: " + climb.change().format(3));
        assertFalse(flat.change().significant(), "stage 2 is flat: " + flat.change().format(3));
        assertEquals(List.of(new StageSpan("stage1", 1, 20), new StageSpan("stage2", 21, 30)), run.stages());
        assertEquals(20, run.series("critic/score/mean", "stage1").size());
        assertTrue(run.series("actor/grad_norm").isEmpty(), "null values are skipped, not plotted as 0");
        assertEquals(run.series("val-core/gsm8k/acc/mean@4", "stage1").get(3).value(),
                run.lastValue("val-core/gsm8k/acc/mean@4", "stage1").orElseThrow(), 0.0,
                "stage 1's end-of-stage validation is its step-20 value");
    }

    @Test
    void compareReportsOnlyDifferencesOutsideTheNoise() throws Exception {
        Path a = SyntheticRun.write(tmp.resolve("base"), 0.2, 3);
        Path b = SyntheticRun.write(tmp.resolve("better"), 0.5, 4);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, a.toString(), b.toString(), "--compare", "--json"), "stderr: " + err);
        JsonNode rows = new ObjectMapper().readTree(out.toString());
        JsonNode score = null;
        JsonNode clip = null;
        for (JsonNode row : rows) {
            if (row.get("stage").asText().equals("stage2")) {
                if (row.get("metric").asText().equals("critic/score/mean")) {
                    score = row;
                } else if (row.get("metric").asText().equals("actor/pg_clipfrac")) {
                    clip = row;
                }
            }
        }
        assertTrue(score != null && score.get("outside_noise").asBoolean() && score.get("delta").asDouble() > 0.2,
                "a 0.3 higher final score is outside the noise: " + score);
        assertTrue(clip != null && !clip.get("outside_noise").asBoolean(),
                "clip fractions drawn from one distribution are within the noise: " + clip);
        StringWriter table = new StringWriter();
        assertEquals(0, run(table, err, a.toString(), b.toString(), "--compare"));
        assertTrue(table.toString().contains("| better | stage2 | critic/score/mean |"), table.toString());
        assertFalse(table.toString().contains("actor/pg_clipfrac |"), "noise is not listed:\n" + table);
    }

    @Test
    void severalRunsNeedAnOutputDirectoryAndOverlayInOnePlot() throws Exception {
        Path a = SyntheticRun.write(tmp.resolve("seed1"), 0.3, 5);
        Path b = SyntheticRun.write(tmp.resolve("seed2"), 0.3, 6);
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, a.toString(), b.toString()), "usage error");
        assertTrue(err.toString().contains("--out"), err.toString());
        Path out = tmp.resolve("both");
        Path md = tmp.resolve("docs/summary.md");
        assertEquals(0, run(new StringWriter(), err, a.toString(), b.toString(), "--out", out.toString(),
                "--markdown", md.toString()));
        assertTrue(Files.size(out.resolve("plots/reward.png")) > 1000, "overlaid reward plot");
        String summary = Files.readString(md);
        assertTrue(summary.contains("| stage1 | val-core/gsm8k/acc/mean@4 |") && summary.contains(" ± "),
                "stage-end validation as mean ± std over the two runs:\n" + summary);
        assertTrue(summary.contains("](../both/plots/reward.png)"), "plots linked relative to the markdown");
    }

    @Test
    void malformedLinesAreReportedWithFileAndLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\":1,\"stage\":\"s\",\"data\":{}}\nnot json\n");
        Exception e = assertThrows(IOException.class,
                () -> RunMetrics.read(dir, "bad"));
        assertTrue(e.getMessage().contains("metrics.jsonl line 2"), e.getMessage());
    }

    @Test
    void anUnterminatedLastLineOfARunStillWritingIsLeftOut() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("live"));
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\":1,\"stage\":\"s\",\"data\":{\"x\":1}}\n"
                + "{\"step\":2,\"stage\":\"s\",\"da");
        assertEquals(1, RunMetrics.read(dir, "live").rows().size(), "the complete line is kept");
    }

    private static StageChange find(List<StageChange> changes, String stage, String metric) {
        return changes.stream().filter(c -> c.stage().equals(stage) && c.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no change row for " + stage + " " + metric));
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
