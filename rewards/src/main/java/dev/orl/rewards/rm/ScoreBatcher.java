package dev.orl.rewards.rm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Runs the reward model's forward passes on one worker thread, which owns the model (and so libtorch's
 * thread-local grad mode and intra-op threads).
 *
 * <p>Two kinds of work arrive. A batch ({@link #submitAll}) is cut into forward passes of at most {@code batchSize}
 * rows by length, never mixed with other work, so its scores depend only on its rows and repeat to the last bit.
 * Single rows ({@link #submit}) are gathered as they come: the worker takes the first, waits up to {@code maxWait}
 * for more and scores them together, so which rows share a pass depends on timing.
 */
final class ScoreBatcher implements AutoCloseable {

    /** Rows submitted together; {@code whole} keeps them apart from other work. */
    private record Job(List<int[]> rows, List<CompletableFuture<float[]>> results, boolean whole) {}

    private final ScoringModel model;
    private final int padId;
    private final int batchSize;
    private final long maxWaitNanos;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;
    /** A batch taken from the queue while gathering single rows: it runs next, on its own. */
    private Job carried;

    ScoreBatcher(ScoringModel model, int padId, int batchSize, Duration maxWait) {
        this.model = model;
        this.padId = padId;
        this.batchSize = batchSize;
        this.maxWaitNanos = maxWait.toNanos();
        this.worker = new Thread(this::run, "reward-model-batcher");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues one sequence; the future completes with its raw scores (one per label). */
    CompletableFuture<float[]> submit(int[] ids) {
        return enqueue(List.of(ids), false).get(0);
    }

    /** Queues sequences to be scored among themselves only; futures in the order of {@code rows}. */
    List<CompletableFuture<float[]>> submitAll(List<int[]> rows) {
        return enqueue(rows, true);
    }

    private List<CompletableFuture<float[]>> enqueue(List<int[]> rows, boolean whole) {
        List<CompletableFuture<float[]>> results = rows.stream().map(r -> new CompletableFuture<float[]>()).toList();
        if (closed) {
            results.forEach(f -> f.completeExceptionally(new IllegalStateException("the reward-model scorer is closed")));
        } else if (!rows.isEmpty()) {
            queue.add(new Job(List.copyOf(rows), results, whole));
        }
        return results;
    }

    private void run() {
        while (!closed) {
            try {
                Job first = carried != null ? carried : queue.poll(200, TimeUnit.MILLISECONDS);
                carried = null;
                if (first == null) {
                    continue;
                }
                if (first.whole()) {
                    scoreWhole(first);
                } else {
                    scoreSingles(first);
                }
            } catch (InterruptedException e) {
                break;
            }
        }
        List<Job> left = new ArrayList<>();
        if (carried != null) {
            left.add(carried);
        }
        queue.drainTo(left);
        left.forEach(job -> job.results().forEach(
                f -> f.completeExceptionally(new IllegalStateException("the reward-model scorer was closed"))));
    }

    /** Rows of similar length share a pass, which wastes less on padding; the order is fixed by the rows alone. */
    private void scoreWhole(Job job) {
        List<Integer> byLength = IntStream.range(0, job.rows().size()).boxed()
                .sorted(Comparator.comparingInt(i -> job.rows().get(i).length)).toList();
        for (int from = 0; from < byLength.size(); from += batchSize) {
            List<Integer> pass = byLength.subList(from, Math.min(from + batchSize, byLength.size()));
            forward(pass.stream().map(job.rows()::get).toList(), pass.stream().map(job.results()::get).toList());
        }
    }

    private void scoreSingles(Job first) throws InterruptedException {
        List<int[]> rows = new ArrayList<>(first.rows());
        List<CompletableFuture<float[]>> results = new ArrayList<>(first.results());
        long deadline = System.nanoTime() + maxWaitNanos;
        while (rows.size() < batchSize) {
            Job next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            if (next.whole()) {
                carried = next;
                break;
            }
            rows.addAll(next.rows());
            results.addAll(next.results());
        }
        forward(rows, results);
    }

    private void forward(List<int[]> rows, List<CompletableFuture<float[]>> results) {
        try {
            float[][] scores = model.score(rows.toArray(int[][]::new), padId);
            for (int i = 0; i < scores.length; i++) {
                results.get(i).complete(scores[i]);
            }
        } catch (RuntimeException | Error e) {
            results.forEach(f -> f.completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
