package dev.orl.rewards.rm;

import dev.orl.model.chat.ChatMessage;
import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.sandbox.judge.FileTrees;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orl bench rm}: reward-model scoring throughput (rows/s) by batch size, as a step of RL hands the reward
 * model its samples, against batch size 1 in the same run; and whether each batch size repeats to the last bit.
 * Prints a markdown table on stdout.
 */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Measure reward-model scoring throughput by batch size, against batch size 1 in the same run.")
public final class RewardModelBenchCommand implements Callable<Integer> {

    /** The measurement at one batch size. */
    record Result(int batchSize, long rows, double seconds, boolean repeats) {
        double perSecond() {
            return rows / seconds;
        }
    }

    @Option(names = "--checkpoint", description = "a score-head checkpoint; default: a random char-level one of "
            + "--hidden-size and --layers")
    private Path checkpoint;

    @Option(names = "--hidden-size", defaultValue = "128", description = "width of the random model (default: "
            + "${DEFAULT-VALUE}, the size of qwq-small's reward model)")
    private int hiddenSize;

    @Option(names = "--layers", defaultValue = "2", description = "layers of the random model (default: ${DEFAULT-VALUE})")
    private int layers;

    @Option(names = "--rows", defaultValue = "128", description = "samples per call, as in a stage-2 step of 16 "
            + "prompts x 8 (default: ${DEFAULT-VALUE})")
    private int rows;

    @Option(names = "--batch-sizes", defaultValue = "1,4,8,16", split = ",",
            description = "batch sizes to measure; the first is the baseline (default: ${DEFAULT-VALUE})")
    private List<Integer> batchSizes;

    @Option(names = "--seconds", defaultValue = "5", description = "measured time per batch size (default: "
            + "${DEFAULT-VALUE})")
    private double seconds;

    private final PrintStream out;

    public RewardModelBenchCommand() {
        this(System.out);
    }

    /** A command printing its table to {@code out} (tests run it in-process). */
    public RewardModelBenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = checkpoint != null ? checkpoint
                : RandomRewardModels.write(Files.createTempDirectory("orl-bench-rm"), hiddenSize, layers, 1);
        try {
            print(measureAll(dir));
        } finally {
            if (checkpoint == null) {
                FileTrees.delete(dir);
            }
        }
        return 0;
    }

    private List<Result> measureAll(Path dir) throws Exception {
        List<Prompt> prompts = new ArrayList<>();
        List<Completion> completions = new ArrayList<>();
        samples(rows, prompts, completions);
        List<Result> results = new ArrayList<>();
        for (int batchSize : batchSizes) {
            try (RewardModelScorer scorer = RewardModelScorer.load(
                    RewardModelConfig.defaults(dir).withBatchSize(batchSize))) {
                results.add(measure(scorer, batchSize, prompts, completions, seconds));
            }
        }
        return results;
    }

    private void print(List<Result> results) {
        out.println("| batch size | rows | seconds | rows/s | × batch size " + results.get(0).batchSize()
                + " | repeats to the last bit |");
        out.println("|---:|---:|---:|---:|---:|---|");
        for (Result r : results) {
            out.printf("| %d | %d | %.1f | %.1f | %.2f | %s |%n", r.batchSize(), r.rows(), r.seconds(), r.perSecond(),
                    r.perSecond() / results.get(0).perSecond(), r.repeats() ? "yes" : "no");
        }
        out.flush();
    }

    /** One warm-up call, then calls of all the rows until {@code seconds} have passed; every call's scores compared. */
    static Result measure(RewardModelScorer scorer, int batchSize, List<Prompt> prompts, List<Completion> completions,
            double seconds) throws InterruptedException {
        List<Double> first = raw(scorer.scoreBatch(prompts, completions));
        boolean repeats = true;
        long count = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        do {
            repeats &= first.equals(raw(scorer.scoreBatch(prompts, completions)));
            count += prompts.size();
        } while (System.nanoTime() < end);
        return new Result(batchSize, count, (System.nanoTime() - start) / 1e9, repeats);
    }

    private static List<Double> raw(List<Reward> rewards) {
        List<Double> out = new ArrayList<>();
        for (Reward r : rewards) {
            if (!r.usable()) {
                throw new IllegalStateException("the reward model failed: " + r);
            }
            out.add((Double) r.info().get("raw_score"));
        }
        return out;
    }

    /** Notes of 40 to 360 characters answering a short request, the shape of qwq-small's stage-2 samples. */
    static void samples(int count, List<Prompt> prompts, List<Completion> completions) {
        Random random = new Random(1);
        String[] words = {"the", "note", "river", "quiet", "seven", "letters", "morning", "bright", "under", "a"};
        for (int i = 0; i < count; i++) {
            prompts.add(new Prompt("bench/" + i, "bench", List.of(ChatMessage.user("Write a note about item " + i
                    + ". End it with the phrase 'Is there anything else?'")), Map.of(), Map.of()));
            StringBuilder note = new StringBuilder();
            int length = 40 + random.nextInt(321);
            while (note.length() < length) {
                note.append(words[random.nextInt(words.length)]).append(' ');
            }
            completions.add(Completion.ofText(note.substring(0, length)));
        }
    }
}
