package dev.orl.eval.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a run report: PNG plots of the runs' metrics (runs overlaid, stage boundaries marked) into
 * {@code OUT/plots/} and {@code OUT/report.html} showing them with the stage tables. The trainer calls
 * {@link #write} at the end of a run with the run directory as both input and output.
 */
public final class RunReport {

    /** The report page's file name. */
    public static final String HTML = "report.html";
    /** The folder, under the output directory, holding the plots. */
    public static final String PLOTS = "plots";

    /** What a report wrote. */
    public record Written(Path html, List<Path> plots, List<StageChange> changes, List<MetricComparison> comparisons) {
        public Written {
            plots = List.copyOf(plots);
            changes = List.copyOf(changes);
            comparisons = List.copyOf(comparisons);
        }
    }

    private final RunStatistics statistics;
    private final int window;
    private final ChartRenderer renderer = new ChartRenderer(900, 480);

    /** @param window values averaged at each end of a stage for the tables (5 is a good default) */
    public RunReport(int window) {
        this.statistics = new RunStatistics(window);
        this.window = window;
    }

    /** Reads every run directory's metrics, labelling runs by folder name (made unique when names repeat). */
    public static List<RunMetrics> readRuns(List<Path> runDirs) throws IOException {
        List<RunMetrics> runs = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path dir : runDirs) {
            Path name = dir.toAbsolutePath().normalize().getFileName();
            String base = name == null ? "run" : name.toString();
            String label = base;
            for (int i = 2; !used.add(label); i++) {
                label = base + "#" + i;
            }
            runs.add(RunMetrics.read(dir, label));
        }
        return runs;
    }

    /** Writes plots and {@code report.html} for {@code runDirs} into {@code outDir}. */
    public Written write(List<Path> runDirs, Path outDir) throws IOException {
        return writeRuns(readRuns(runDirs), outDir);
    }

    /** Writes plots and {@code report.html} for already-read runs into {@code outDir}. */
    public Written writeRuns(List<RunMetrics> runs, Path outDir) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run directory");
        }
        Path plotDir = Files.createDirectories(outDir.resolve(PLOTS));
        Set<String> metrics = new LinkedHashSet<>();
        runs.forEach(r -> metrics.addAll(r.metricNames()));
        List<Path> plots = new ArrayList<>();
        List<HtmlReport.Figure> figures = new ArrayList<>();
        for (PlotSpec plot : PlotCatalog.plotsFor(List.copyOf(metrics))) {
            Path file = plotDir.resolve(plot.file());
            if (renderer.render(plot, runs, file)) {
                plots.add(file);
                figures.add(new HtmlReport.Figure(PLOTS + "/" + plot.file(), plot.title()));
            }
        }
        List<StageChange> changes = new ArrayList<>();
        runs.forEach(r -> changes.addAll(statistics.stageChanges(r)));
        List<MetricComparison> comparisons = compare(runs);
        Path html = outDir.resolve(HTML);
        Map<String, List<RunSession>> sessions = new LinkedHashMap<>();
        runs.forEach(r -> sessions.put(r.name(), RunSession.read(r.dir())));
        Files.writeString(html, HtmlReport.render(runs, sessions, figures, changes, comparisons, window),
                StandardCharsets.UTF_8);
        return new Written(html, plots, changes, comparisons);
    }

    /** Every later run against the first, metric by metric, at the end of each shared stage. */
    public List<MetricComparison> compare(List<RunMetrics> runs) {
        List<MetricComparison> out = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            out.addAll(statistics.compare(runs.get(0), runs.get(i)));
        }
        return out;
    }
}
