package dev.orl.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orl.eval.stats.Difference;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code orl report}: plots and an HTML report of run directories, or which differences between runs are real. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Plot the metrics.jsonl of run directories (runs overlaid, stage boundaries marked) and write "
                + "report.html with start/end tables; --compare prints which differences from the first run are "
                + "outside the noise.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run directories holding metrics.jsonl")
    List<Path> runDirs;

    @Option(names = "--out", description = "output directory (default: the run directory when there is one run)")
    Path out;

    @Option(names = "--compare", description = "print the end-of-stage differences of each run from the first")
    boolean compare;

    @Option(names = "--all", description = "with --compare: list every difference in the table, not only those outside"
            + " the noise (--json always lists every one, each with its outside_noise flag)")
    boolean all;

    @Option(names = "--json", description = "print JSON only on stdout")
    boolean json;

    @Option(names = "--markdown", description = "also write a markdown summary (stage ends as mean ± std over runs)")
    Path markdown;

    @Option(names = "--window", defaultValue = "5",
            description = "logged values averaged at each end of a stage (default ${DEFAULT-VALUE})")
    int window;

    @Override
    public Integer call() throws Exception {
        if (window < 1) {
            throw new ParameterException(spec.commandLine(), "--window must be >= 1, got " + window);
        }
        if (compare && runDirs.size() < 2) {
            throw new ParameterException(spec.commandLine(), "--compare needs at least two run directories");
        }
        for (Path dir : runDirs) {
            if (!Files.isRegularFile(dir.resolve(RunMetrics.FILE))) {
                throw new ParameterException(spec.commandLine(), dir + " is not a run directory: no "
                        + RunMetrics.FILE);
            }
        }
        Path outDir = out != null ? out : runDirs.size() == 1 && !compare ? runDirs.get(0) : null;
        if (outDir == null && !compare) {
            throw new ParameterException(spec.commandLine(), "several run directories: give --out DIR for the report");
        }
        RunReport report = new RunReport(window);
        List<RunMetrics> runs = RunReport.readRuns(runDirs);
        PrintWriter stdout = spec.commandLine().getOut();
        RunReport.Written written = outDir == null ? null : report.writeRuns(runs, outDir);
        if (markdown != null) {
            Path parent = markdown.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(markdown, MarkdownSummary.render(runs, written == null ? List.of() : written.plots(),
                    parent));
        }
        if (compare) {
            List<MetricComparison> rows = report.compare(runs);
            stdout.print(json ? comparisonJson(rows) + "\n" : comparisonTable(rows));
        } else if (json) {
            stdout.println(writtenJson(written));
        } else {
            stdout.println(written.html());
        }
        stdout.flush();
        return 0;
    }

    private String comparisonTable(List<MetricComparison> rows) {
        StringBuilder t = new StringBuilder("| run | stage | metric | baseline | run value | Δ [95% interval] | outside "
                + "noise |\n|---|---|---|---:|---:|---|---|\n");
        int shown = 0;
        for (MetricComparison c : rows) {
            Difference d = c.difference();
            if (all || d.significant()) {
                shown++;
                t.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4g | %.4g | %s | %s |%n", c.other(), c.stage(),
                        c.metric(), d.a(), d.b(), d.format(4), Double.isNaN(d.lower()) ? "n/a"
                                : d.significant() ? "yes" : "no"));
            }
        }
        if (shown == 0) {
            t.append("| (none of ").append(rows.size()).append(" differences is outside the noise) | | | | | | |\n");
        }
        return t.toString();
    }

    private static String comparisonJson(List<MetricComparison> rows) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (MetricComparison c : rows) {
            Difference d = c.difference();
            ObjectNode o = array.addObject();
            o.put("baseline", c.baseline());
            o.put("run", c.other());
            o.put("stage", c.stage());
            o.put("metric", c.metric());
            o.put("window", c.window());
            number(o, "baseline_value", d.a());
            number(o, "run_value", d.b());
            number(o, "delta", d.delta());
            number(o, "lower", d.lower());
            number(o, "upper", d.upper());
            o.put("method", d.method());
            o.put("outside_noise", d.significant());
        }
        return mapper.writeValueAsString(array);
    }

    private static String writtenJson(RunReport.Written written) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("html", written.html().toString());
        written.plots().forEach(p -> o.withArray("plots").add(p.toString()));
        return mapper.writeValueAsString(o);
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
