package dev.orl.eval.report;

import dev.orl.eval.stats.Difference;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code report.html}: the runs and their stages, the commands that started them, every plot, the start/end
 * table of each stage and, with several runs, which end-of-stage differences from the first run are outside the
 * noise. Self-contained apart from the PNGs it references by relative path.
 */
public final class HtmlReport {

    private HtmlReport() {}

    /** One plot as the page shows it: relative image path and title. */
    public record Figure(String src, String title) {}

    /** The page. */
    public static String render(List<RunMetrics> runs, Map<String, List<RunSession>> sessions, List<Figure> figures,
            List<StageChange> changes, List<MetricComparison> comparisons, int window) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>orl run report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:1000px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}td:first-child,th:first-child,td.l{text-align:left}")
                .append("tr.sig{background:#fff3c4}figure{margin:1.5em 0}img{max-width:100%}</style>\n")
                .append("</head>\n<body>\n<h1>orl run report</h1>\n<p>Generated ").append(Instant.now())
                .append(". Intervals are 95%; a change is outside the noise when its interval excludes 0.</p>\n");
        runsTable(h, runs);
        commandsTable(h, runs, sessions);
        h.append("<h2>Curves</h2>\n");
        for (Figure f : figures) {
            h.append("<figure><img src=\"").append(escape(f.src())).append("\" alt=\"").append(escape(f.title()))
                    .append("\"><figcaption>").append(escape(f.title())).append("</figcaption></figure>\n");
        }
        changesTable(h, changes, window);
        if (!comparisons.isEmpty()) {
            comparisonTable(h, comparisons, window);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void runsTable(StringBuilder h, List<RunMetrics> runs) {
        h.append("<h2>Runs</h2>\n<table>\n<tr><th>run</th><th>directory</th><th>stage</th><th>steps</th>")
                .append("<th>wall time (s)</th></tr>\n");
        for (RunMetrics run : runs) {
            for (StageSpan s : run.stages()) {
                double seconds = run.stageSeconds(s.name());
                h.append("<tr><td>").append(escape(run.name())).append("</td><td class=\"l\">")
                        .append(escape(run.dir().toString())).append("</td><td class=\"l\">").append(escape(s.name()))
                        .append("</td><td>").append(s.firstStep()).append("–").append(s.lastStep()).append("</td><td>")
                        .append(Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.1f", seconds))
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void commandsTable(StringBuilder h, List<RunMetrics> runs,
            Map<String, List<RunSession>> sessions) {
        h.append("<h2>Commands</h2>\n<p>Each session of each run (a start, then every resume), from the run's ")
                .append(RunSession.FILE).append(".</p>\n<table>\n<tr><th>run</th><th>started</th><th>commit</th>")
                .append("<th>command</th></tr>\n");
        for (RunMetrics run : runs) {
            List<RunSession> recorded = sessions.getOrDefault(run.name(), List.of());
            if (recorded.isEmpty()) {
                h.append("<tr><td>").append(escape(run.name())).append("</td><td colspan=\"3\" class=\"l\">")
                        .append("no ").append(RunSession.FILE).append("</td></tr>\n");
            }
            for (RunSession s : recorded) {
                String line = s.shellLine();
                h.append("<tr><td>").append(escape(run.name())).append("</td><td class=\"l\">")
                        .append(escape(s.startedAt())).append("</td><td class=\"l\">")
                        .append(escape(s.gitCommit().substring(0, Math.min(10, s.gitCommit().length()))))
                        .append("</td><td class=\"l\">")
                        .append(line.isEmpty() ? "not recorded" : "<code>" + escape(line) + "</code>")
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void changesTable(StringBuilder h, List<StageChange> changes, int window) {
        h.append("<h2>Start and end of each stage</h2>\n<p>Start and end are means of up to ").append(window)
                .append(" logged values at each end of the stage.</p>\n<table>\n<tr><th>run</th><th>stage</th>")
                .append("<th>metric</th><th>start</th><th>end</th><th>Δ [95% interval]</th><th>outside noise</th>")
                .append("</tr>\n");
        for (StageChange c : changes) {
            Difference d = c.change();
            h.append(d.significant() ? "<tr class=\"sig\">" : "<tr>").append("<td>").append(escape(c.run()))
                    .append("</td><td class=\"l\">").append(escape(c.stage())).append("</td><td class=\"l\">")
                    .append(escape(c.metric())).append("</td><td>").append(number(d.a())).append("</td><td>")
                    .append(number(d.b())).append("</td><td>").append(d.format(4)).append("</td><td>")
                    .append(verdict(d)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void comparisonTable(StringBuilder h, List<MetricComparison> comparisons, int window) {
        h.append("<h2>Differences from the first run at the end of each stage</h2>\n<p>Means of the last ")
                .append(window).append(" values of the stage, Welch t interval.</p>\n<table>\n<tr><th>run</th>")
                .append("<th>stage</th><th>metric</th><th>baseline</th><th>run</th><th>Δ [95% interval]</th>")
                .append("<th>outside noise</th></tr>\n");
        for (MetricComparison c : comparisons) {
            Difference d = c.difference();
            h.append(d.significant() ? "<tr class=\"sig\">" : "<tr>").append("<td>").append(escape(c.other()))
                    .append("</td><td class=\"l\">").append(escape(c.stage())).append("</td><td class=\"l\">")
                    .append(escape(c.metric())).append("</td><td>").append(number(d.a())).append("</td><td>")
                    .append(number(d.b())).append("</td><td>").append(d.format(4)).append("</td><td>")
                    .append(verdict(d)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String verdict(Difference d) {
        return Double.isNaN(d.lower()) ? "n/a" : d.significant() ? "yes" : "no";
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
