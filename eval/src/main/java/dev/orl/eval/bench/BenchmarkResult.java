package dev.orl.eval.bench;

import dev.orl.eval.stats.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured.
 *
 * @param name the benchmark
 * @param kind how it was judged
 * @param problems number of problems evaluated
 * @param samples responses sampled per problem (n)
 * @param metrics by name ({@code acc/mean@n}, {@code pass@k}, {@code maj@k}, IFEval's {@code prompt_strict},
 *     {@code prompt_loose}, {@code instruction_strict}, {@code instruction_loose}), each with its 95% interval
 * @param breakdowns per grouping field (MATH-500: {@code subject}, {@code level}), per group, {@code acc/mean@n};
 *     for IFEval, per instruction id ({@code instruction}), its strict follow rate
 * @param statuses how many responses got each reward status ({@code OK}, {@code ERROR}, ...); non-OK count as wrong
 * @param meanResponseTokens mean response length in tokens
 * @param truncatedRatio share of responses that hit the token budget
 * @param seconds wall time spent on generation and judging
 * @param correctByProblem correct responses per problem id, for paired comparisons between checkpoints
 * @param outcomes every problem with its judged responses (not part of the JSON report; see {@link SampleDump})
 */
public record BenchmarkResult(String name, BenchmarkKind kind, int problems, int samples, Map<String, Estimate> metrics,
        Map<String, Map<String, Estimate>> breakdowns, Map<String, Integer> statuses, double meanResponseTokens,
        double truncatedRatio, double seconds, Map<String, Integer> correctByProblem, List<ProblemOutcome> outcomes) {

    public BenchmarkResult {
        outcomes = List.copyOf(outcomes);
        metrics = copy(metrics);
        breakdowns = copy(breakdowns);
        statuses = copy(statuses);
        correctByProblem = copy(correctByProblem);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The name of the mean-accuracy metric for n samples, {@code acc/mean@n}. */
    public static String meanMetric(int n) {
        return "acc/mean@" + n;
    }

    /** Responses whose reward was not OK (judge errors, timeouts, unparseable): counted as wrong. */
    public int unjudged() {
        return statuses.entrySet().stream().filter(e -> !e.getKey().equals("OK")).mapToInt(Map.Entry::getValue).sum();
    }

    /**
     * The metrics as the trainer logs validation: {@code val-core/<benchmark>/<metric>} with the estimate as value,
     * e.g. {@code val-core/gsm8k/acc/mean@4}, {@code val-core/gsm8k/pass@4}.
     */
    public Map<String, Double> valCore() {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((metric, e) -> out.put("val-core/" + name + "/" + metric, e.value()));
        return out;
    }

    /** The metric names in report order for a list of results. */
    public static List<String> metricNames(List<BenchmarkResult> results) {
        return results.stream().flatMap(r -> r.metrics().keySet().stream()).distinct().toList();
    }
}
