package dev.orl.eval.bench;

import dev.orl.eval.stats.Estimate;
import dev.orl.eval.stats.Intervals;
import dev.orl.eval.stats.MajorityVote;
import dev.orl.eval.stats.PassAtK;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Turns a benchmark's judged problems into its metrics. Every interval is over problems (the independent units),
 * never over the correlated samples of one problem; see {@link Intervals} for which interval each metric gets.
 */
public final class BenchmarkMetrics {

    /** MATH-500 fields reported per group. */
    static final List<String> MATH_BREAKDOWNS = List.of("subject", "level");
    /** The breakdown of IFEval by instruction id, in {@code instruction_strict} rather than {@code acc/mean@n}. */
    public static final String INSTRUCTION_BREAKDOWN = "instruction";

    private final List<Integer> ks;
    private final long seed;

    /**
     * @param ks the k of pass@k and maj@k; values above a run's n are skipped
     * @param seed seeds maj@k's subset sampling when there are too many subsets to enumerate
     */
    public BenchmarkMetrics(List<Integer> ks, long seed) {
        this.ks = List.copyOf(ks);
        this.seed = seed;
    }

    /**
     * The metrics of one benchmark's outcomes; {@code equivalence} groups math answers for majority voting. Without
     * {@code details} (verdicts lacking extracted answers and per-instruction results) only avg@n and pass@k are
     * computed.
     */
    public Map<String, Estimate> metrics(BenchmarkKind kind, int n, List<ProblemOutcome> outcomes,
            BiPredicate<String, String> equivalence, boolean details) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        int[] correct = outcomes.stream().mapToInt(ProblemOutcome::correct).toArray();
        m.put(BenchmarkResult.meanMetric(n), Intervals.boundedMean(perProblem(outcomes, o -> o.correct() / (double) n)));
        for (int k : ks) {
            if (k <= n) {
                m.put("pass@" + k, Intervals.boundedMean(PassAtK.perProblem(n, correct, k)));
            }
        }
        if (details && kind == BenchmarkKind.MATH) {
            for (int k : ks) {
                if (k <= n) {
                    m.put("maj@" + k, Intervals.boundedMean(majority(outcomes, k, equivalence)));
                }
            }
        }
        if (details && kind == BenchmarkKind.INSTRUCTIONS) {
            m.put("prompt_strict", Intervals.boundedMean(perProblem(outcomes, o -> promptLevel(o, true))));
            m.put("prompt_loose", Intervals.boundedMean(perProblem(outcomes, o -> promptLevel(o, false))));
            m.put("instruction_strict", instructionLevel(outcomes, true));
            m.put("instruction_loose", instructionLevel(outcomes, false));
        }
        return m;
    }

    /**
     * {@code acc/mean@n} per value of each grouping field that the problems carry (MATH-500 subject and level), and
     * for IFEval the strict follow rate of each instruction id: the instructions a model cannot follow are what its
     * prompt-level score hides.
     */
    public Map<String, Map<String, Estimate>> breakdowns(int n, List<ProblemOutcome> outcomes) {
        Map<String, Map<String, Estimate>> out = new LinkedHashMap<>();
        for (String field : MATH_BREAKDOWNS) {
            Map<String, List<ProblemOutcome>> groups = new TreeMap<>();
            for (ProblemOutcome o : outcomes) {
                String value = o.extra(field);
                if (!value.isEmpty()) {
                    groups.computeIfAbsent(value, v -> new ArrayList<>()).add(o);
                }
            }
            if (!groups.isEmpty()) {
                Map<String, Estimate> byGroup = new LinkedHashMap<>();
                groups.forEach((value, group) -> byGroup.put(value,
                        Intervals.boundedMean(perProblem(group, o -> o.correct() / (double) n))));
                out.put(field, byGroup);
            }
        }
        Map<String, Estimate> byInstruction = byInstruction(outcomes);
        if (!byInstruction.isEmpty()) {
            out.put(INSTRUCTION_BREAKDOWN, byInstruction);
        }
        return out;
    }

    /** Per instruction id, followed over given under strict scoring, counted over the problems that give it. */
    private static Map<String, Estimate> byInstruction(List<ProblemOutcome> outcomes) {
        Map<String, List<double[]>> rows = new TreeMap<>();
        for (ProblemOutcome o : outcomes) {
            if (!(o.prompt().reference().get("instruction_id_list") instanceof List<?> ids)) {
                continue;
            }
            Map<String, double[]> mine = new LinkedHashMap<>();
            for (int j = 0; j < ids.size(); j++) {
                double[] followedGiven = mine.computeIfAbsent(String.valueOf(ids.get(j)), id -> new double[2]);
                for (SampleVerdict s : o.samples()) {
                    // an unjudged sample has no per-instruction results and followed none
                    followedGiven[0] += j < s.strict().size() && s.strict().get(j) ? 1 : 0;
                    followedGiven[1] += 1;
                }
            }
            mine.forEach((id, fg) -> rows.computeIfAbsent(id, k -> new ArrayList<>()).add(fg));
        }
        Map<String, Estimate> out = new LinkedHashMap<>();
        rows.forEach((id, list) -> out.put(id, Intervals.ratio(list.stream().mapToDouble(fg -> fg[0]).toArray(),
                list.stream().mapToDouble(fg -> fg[1]).toArray())));
        return out;
    }

    private double[] majority(List<ProblemOutcome> outcomes, int k, BiPredicate<String, String> equivalence) {
        double[] out = new double[outcomes.size()];
        for (int p = 0; p < out.length; p++) {
            List<SampleVerdict> samples = outcomes.get(p).samples();
            int[] classes = MajorityVote.classes(samples.stream().map(SampleVerdict::answer).toList(), equivalence);
            List<MajorityVote.Vote> votes = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                votes.add(new MajorityVote.Vote(classes[i], samples.get(i).correct()));
            }
            out[p] = MajorityVote.estimate(votes, k, seed + p);
        }
        return out;
    }

    /** The share of a problem's samples that followed every instruction. */
    private static double promptLevel(ProblemOutcome o, boolean strict) {
        return o.samples().stream().filter(s -> !(strict ? s.strict() : s.loose()).contains(false)
                && !(strict ? s.strict() : s.loose()).isEmpty()).count() / (double) o.samples().size();
    }

    /** Instructions followed over instructions given, summed over samples and problems (IFEval's definition). */
    private static Estimate instructionLevel(List<ProblemOutcome> outcomes, boolean strict) {
        double[] followed = new double[outcomes.size()];
        double[] given = new double[outcomes.size()];
        for (int p = 0; p < outcomes.size(); p++) {
            int instructions = instructionCount(outcomes.get(p));
            for (SampleVerdict s : outcomes.get(p).samples()) {
                List<Boolean> results = strict ? s.strict() : s.loose();
                followed[p] += results.stream().filter(Boolean::booleanValue).count();
                // an unjudged sample followed none of the prompt's instructions
                given[p] += results.isEmpty() ? instructions : results.size();
            }
        }
        return Intervals.ratio(followed, given);
    }

    private static int instructionCount(ProblemOutcome o) {
        return o.prompt().reference().get("instruction_id_list") instanceof List<?> ids ? ids.size() : 0;
    }

    private static double[] perProblem(List<ProblemOutcome> outcomes, Function<ProblemOutcome, Double> score) {
        return outcomes.stream().mapToDouble(score::apply).toArray();
    }
}
