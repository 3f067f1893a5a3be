package dev.orl.eval.bench;

import dev.orl.model.sampling.Completion;
import dev.orl.model.sampling.SamplingParams;
import dev.orl.rewards.Prompt;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs benchmarks: generates n responses per problem with a {@link Generator}, judges them with a
 * {@link BenchmarkJudge}, and computes the metrics. The trainer's validation calls {@link #run} with its own
 * in-memory policy and prompt lists; {@code orl eval} calls it with a loaded checkpoint.
 */
public final class BenchmarkRunner {

    private final Generator generator;
    private final List<Integer> stopIds;
    private final EvalSettings settings;
    private final PrintStream progress;

    /**
     * @param stopIds tokens that end a response
     * @param progress where the progress bar is drawn (stderr), or null for none
     */
    public BenchmarkRunner(Generator generator, List<Integer> stopIds, EvalSettings settings, PrintStream progress) {
        this.generator = generator;
        this.stopIds = List.copyOf(stopIds);
        this.settings = settings;
        this.progress = progress;
    }

    /** Evaluates {@code prompts} as benchmark {@code benchmark}, judged by {@code judge}. */
    public BenchmarkResult run(Benchmark benchmark, List<Prompt> prompts, BenchmarkJudge judge) {
        int n = settings.n();
        long start = System.nanoTime();
        List<ProblemOutcome> outcomes = new ArrayList<>(prompts.size());
        try (ProgressBar bar = progress == null ? ProgressBar.silent(benchmark.name(), prompts.size())
                : new ProgressBar(benchmark.name(), prompts.size(), progress, System.console() != null,
                        System::nanoTime)) {
            int size = settings.promptsPerChunk();
            for (int from = 0; from < prompts.size(); from += size) {
                List<Prompt> chunk = prompts.subList(from, Math.min(prompts.size(), from + size));
                long seed = settings.seed() + (long) from * n;
                List<Completion> completions = generator.generate(chunk, n, sampling(seed));
                outcomes.addAll(judge.judge(chunk, n, completions));
                bar.advance(chunk.size());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return result(benchmark, outcomes, judge, seconds);
    }

    private BenchmarkResult result(Benchmark benchmark, List<ProblemOutcome> outcomes, BenchmarkJudge judge,
            double seconds) {
        int n = settings.n();
        BenchmarkMetrics metrics = new BenchmarkMetrics(settings.ks(), settings.seed());
        Map<String, Integer> statuses = new LinkedHashMap<>();
        Map<String, Integer> byProblem = new LinkedHashMap<>();
        long tokens = 0;
        int truncated = 0;
        for (ProblemOutcome o : outcomes) {
            byProblem.put(o.prompt().id(), o.correct());
            for (SampleVerdict s : o.samples()) {
                statuses.merge(s.status().name(), 1, Integer::sum);
                tokens += s.responseTokens();
                truncated += s.truncated() ? 1 : 0;
            }
        }
        double responses = Math.max(1, outcomes.size() * (double) n);
        return new BenchmarkResult(benchmark.name(), benchmark.kind(), outcomes.size(), n,
                metrics.metrics(benchmark.kind(), n, outcomes, judge.answerEquivalence(), judge.reportsDetails()),
                metrics.breakdowns(n, outcomes), statuses, tokens / responses, truncated / responses, seconds,
                byProblem, outcomes);
    }

    private SamplingParams sampling(long seed) {
        boolean greedy = settings.temperature() == 0;
        return new SamplingParams(greedy ? 1.0 : settings.temperature(), 0, settings.topP(), greedy,
                settings.maxNewTokens(), stopIds, List.of(), seed);
    }
}
