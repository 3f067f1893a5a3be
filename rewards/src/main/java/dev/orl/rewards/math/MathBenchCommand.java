package dev.orl.rewards.math;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orl bench math}: math verifications per second on one thread, over GSM8K-style pairs (the {@code ####}
 * value against a full worked answer) and MATH-500-style pairs (the answer against a full LaTeX solution), half
 * matching and half deranged, after a warm-up. Prints a markdown table on stdout.
 */
@Command(name = "math", mixinStandardHelpOptions = true,
        description = "Measure math verifier throughput (one thread) on GSM8K- and MATH-500-style pairs.")
public final class MathBenchCommand implements Callable<Integer> {

    /** One timed pair set. */
    record Pair(String gold, String response) {
    }

    /** The measurement of one pair set. */
    record Result(String name, int pairs, long verifications, double seconds, int correct) {
        double perSecond() {
            return verifications / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    // The command line this command is registered in, so usage on an error reads "orl bench math", not "math".
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--gsm8k", description = "GSM8K JSONL (fields question, answer), e.g. datasets/gsm8k/test.jsonl")
    private Path gsm8k;

    @Option(names = "--math500", description = "MATH-500 JSONL (fields solution, answer), e.g. datasets/math500/test.jsonl")
    private Path math500;

    @Option(names = "--warmup-seconds", defaultValue = "3", description = "warm-up per set (default: ${DEFAULT-VALUE})")
    private double warmupSeconds;

    @Option(names = "--seconds", defaultValue = "5", description = "measured time per set (default: ${DEFAULT-VALUE})")
    private double seconds;

    private final PrintStream out;

    public MathBenchCommand() {
        this(System.out);
    }

    /** A command printing its table to {@code out} (tests run it in-process). */
    public MathBenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        if (gsm8k == null && math500 == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --gsm8k and/or --math500 (the shared JSONL files)");
        }
        MathVerifier verifier = new MathVerifier();
        List<Result> results = new ArrayList<>();
        if (gsm8k != null) {
            results.add(measure(verifier, "GSM8K-style", gsm8kPairs(gsm8k)));
        }
        if (math500 != null) {
            results.add(measure(verifier, "MATH-500-style", math500Pairs(math500)));
        }
        out.println("| pairs | pair count | verifications | seconds | verifications/s (1 thread) | verified |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            out.printf("| %s | %d | %d | %.1f | %,.0f | %.1f%% |%n", r.name(), r.pairs(), r.verifications(),
                    r.seconds(), r.perSecond(), 100.0 * r.correct() / r.pairs());
        }
        out.flush();
        return 0;
    }

    /** Runs the pairs round-robin for the warm-up, then for the measured time; counts verdicts of one pass. */
    static Result measure(MathVerifier verifier, String name, List<Pair> pairs, double warmup, double measured) {
        runFor(verifier, pairs, warmup);
        long start = System.nanoTime();
        long count = runFor(verifier, pairs, measured);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int correct = 0;
        for (Pair p : pairs) {
            correct += Boolean.TRUE.equals(verifier.verify(p.gold(), p.response()).correct()) ? 1 : 0;
        }
        return new Result(name, pairs.size(), count, elapsed, correct);
    }

    private Result measure(MathVerifier verifier, String name, List<Pair> pairs) {
        return measure(verifier, name, pairs, warmupSeconds, seconds);
    }

    private static long runFor(MathVerifier verifier, List<Pair> pairs, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < end) {
            for (Pair p : pairs) {
                verifier.verify(p.gold(), p.response());
                count++;
            }
        }
        return count;
    }

    /** Each worked answer against its own {@code ####} value and against the value of the problem 7 further on. */
    static List<Pair> gsm8kPairs(Path file) throws IOException {
        List<String> solutions = field(file, "answer");
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < solutions.size(); i++) {
            String own = solutions.get(i);
            String other = solutions.get((i + 7) % solutions.size());
            pairs.add(new Pair(own.substring(own.lastIndexOf("####") + 4).trim(), own));
            pairs.add(new Pair(other.substring(other.lastIndexOf("####") + 4).trim(), own));
        }
        return pairs;
    }

    /** Each solution against its own answer and against the answer of the problem 7 further on. */
    static List<Pair> math500Pairs(Path file) throws IOException {
        List<String> solutions = field(file, "solution");
        List<String> answers = field(file, "answer");
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < solutions.size(); i++) {
            pairs.add(new Pair(answers.get(i), solutions.get(i)));
            pairs.add(new Pair(answers.get((i + 7) % answers.size()), solutions.get(i)));
        }
        return pairs;
    }

    private static List<String> field(Path file, String name) throws IOException {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            if (!node.hasNonNull(name)) {
                throw new IOException(file + ": a line has no \"" + name + "\" field");
            }
            values.add(node.get(name).asText());
        }
        return values;
    }
}
