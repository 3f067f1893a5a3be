package dev.orl.eval.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orl.eval.stats.Comparisons;
import dev.orl.eval.stats.Difference;
import dev.orl.eval.stats.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of an evaluation as JSON (machine-readable; NaN becomes null) and as a markdown table (one row per
 * benchmark and metric, with the 95% interval and how it was computed).
 *
 * @param model what was evaluated (a checkpoint path, or a label)
 * @param settings how it was sampled
 * @param results one per benchmark, in run order
 */
public record EvalReport(String model, EvalSettings settings, List<BenchmarkResult> results) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EvalReport {
        results = List.copyOf(results);
    }

    /** The whole report as one JSON object. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        ObjectNode s = root.putObject("settings");
        s.put("n", settings.n());
        settings.ks().forEach(s.putArray("k")::add);
        s.put("temperature", settings.temperature());
        s.put("top_p", settings.topP());
        s.put("max_new_tokens", settings.maxNewTokens());
        s.put("seed", settings.seed());
        if (settings.limit() == null) {
            s.putNull("limit");
        } else {
            s.put("limit", settings.limit());
        }
        s.put("confidence_level", Estimate.LEVEL);
        ObjectNode benchmarks = root.putObject("benchmarks");
        for (BenchmarkResult r : results) {
            benchmarks.set(r.name(), resultJson(r));
        }
        return root;
    }

    private static ObjectNode resultJson(BenchmarkResult r) {
        ObjectNode b = JSON.createObjectNode();
        b.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
        b.put("problems", r.problems());
        b.put("samples_per_problem", r.samples());
        ObjectNode metrics = b.putObject("metrics");
        r.metrics().forEach((name, e) -> metrics.set(name, estimateJson(e)));
        ObjectNode breakdowns = b.putObject("breakdowns");
        r.breakdowns().forEach((field, groups) -> {
            ObjectNode byGroup = breakdowns.putObject(field);
            groups.forEach((group, e) -> byGroup.set(group, estimateJson(e)));
        });
        ObjectNode statuses = b.putObject("statuses");
        r.statuses().forEach(statuses::put);
        number(b, "mean_response_tokens", r.meanResponseTokens());
        number(b, "truncated_ratio", r.truncatedRatio());
        number(b, "seconds", r.seconds());
        ObjectNode problems = b.putObject("correct_by_problem");
        r.correctByProblem().forEach(problems::put);
        return b;
    }

    /** {@code {value, lower, upper, count, method}} with NaN as null. */
    static ObjectNode estimateJson(Estimate e) {
        ObjectNode node = JSON.createObjectNode();
        number(node, "value", e.value());
        number(node, "lower", e.lower());
        number(node, "upper", e.upper());
        node.put("count", e.count());
        node.put("method", e.method());
        return node;
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /** The JSON as one line. */
    public String toJsonString() {
        try {
            return JSON.writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the evaluation report", e);
        }
    }

    /** A markdown summary: one row per benchmark and metric, then per-group breakdowns. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Model: `%s` — n=%d, temperature=%s, top_p=%s, max_new_tokens=%d, "
                + "seed=%d%s. Intervals: 95%%.%n%n", model, settings.n(), settings.temperature(), settings.topP(),
                settings.maxNewTokens(), settings.seed(), settings.limit() == null ? "" : ", limit=" + settings.limit()));
        md.append("| benchmark | metric | value | 95% interval | problems | unjudged |\n");
        md.append("|---|---|---:|---|---:|---:|\n");
        for (BenchmarkResult r : results) {
            for (Map.Entry<String, Estimate> e : r.metrics().entrySet()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d |%n", r.name(), e.getKey(),
                        value(e.getValue()), interval(e.getValue()), r.problems(), r.unjudged()));
            }
        }
        for (BenchmarkResult r : results) {
            r.breakdowns().forEach((field, groups) -> {
                md.append(String.format(Locale.ROOT, "%n%s by %s (%s):%n%n", r.name(), field,
                        field.equals(BenchmarkMetrics.INSTRUCTION_BREAKDOWN) ? "instruction_strict"
                                : BenchmarkResult.meanMetric(r.samples())));
                md.append("| ").append(field).append(" | value | 95% interval | problems |\n|---|---:|---|---:|\n");
                groups.forEach((group, e) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d |%n", group,
                        value(e), interval(e), e.count())));
            });
        }
        return md.toString();
    }

    private static String value(Estimate e) {
        return Double.isNaN(e.value()) ? "n/a" : String.format(Locale.ROOT, "%.3f", e.value());
    }

    private static String interval(Estimate e) {
        return Double.isNaN(e.lower()) ? "n/a"
                : String.format(Locale.ROOT, "[%.3f, %.3f] %s", e.lower(), e.upper(), e.method());
    }

    /**
     * Paired comparison of two evaluations' mean accuracy on one benchmark, over the problems both scored: the
     * per-problem differences of {@code correct / n} with a paired t interval ({@code b − a}).
     */
    public static Difference pairedAccuracy(JsonNode a, JsonNode b, String benchmark) {
        Map<String, Integer> ca = correctByProblem(a, benchmark);
        Map<String, Integer> cb = correctByProblem(b, benchmark);
        double na = a.path("benchmarks").path(benchmark).path("samples_per_problem").asDouble(1);
        double nb = b.path("benchmarks").path(benchmark).path("samples_per_problem").asDouble(1);
        List<String> common = ca.keySet().stream().filter(cb::containsKey).toList();
        if (common.isEmpty()) {
            throw new IllegalArgumentException("the two evaluations share no " + benchmark + " problems");
        }
        double[] xa = common.stream().mapToDouble(id -> ca.get(id) / na).toArray();
        double[] xb = common.stream().mapToDouble(id -> cb.get(id) / nb).toArray();
        return Comparisons.paired(xa, xb);
    }

    /** Reads back a report's per-benchmark {@code correct_by_problem} (for paired comparisons of two runs). */
    public static Map<String, Integer> correctByProblem(JsonNode report, String benchmark) {
        Map<String, Integer> out = new LinkedHashMap<>();
        report.path("benchmarks").path(benchmark).path("correct_by_problem").fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }
}
