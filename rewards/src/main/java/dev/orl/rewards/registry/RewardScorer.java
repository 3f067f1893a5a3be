package dev.orl.rewards.registry;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores batches with a {@link CompositeReward}: every (completion, function) call runs concurrently, at most
 * {@code parallelism} at a time, each under a hard time limit counted from its start.
 *
 * <p>A call that overruns its limit is answered with {@link Reward.Status#TIMEOUT} at once and its thread is
 * interrupted. A function that ignores interrupts keeps its thread, but that thread no longer holds a concurrency
 * permit, so the scorer keeps its full parallelism; {@link #stuckCalls()} reports how many such threads are still
 * running. Threads are daemons: a stuck verifier never keeps the JVM alive.
 */
public final class RewardScorer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RewardScorer.class);

    private final CompositeReward reward;
    private final long timeoutNanos;
    private final Semaphore permits;
    private final ExecutorService workers;
    private final ScheduledExecutorService alarms;
    private final AtomicInteger stuck = new AtomicInteger();

    public RewardScorer(CompositeReward reward, int parallelism, Duration timeout) {
        this.reward = Objects.requireNonNull(reward, "reward");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("per-sample timeout must be positive, got " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.permits = new Semaphore(parallelism);
        // Unbounded thread count on purpose: the semaphore bounds live work, and a stuck thread must not block a slot.
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("orl-reward-"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("orl-reward-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        this.alarms = timer;
    }

    public CompositeReward reward() {
        return reward;
    }

    /** Calls that timed out and whose threads are still running (functions that ignore interrupts). */
    public int stuckCalls() {
        return stuck.get();
    }

    /**
     * Scores {@code completions.get(i)} against {@code prompts.get(i)} for every i (a group repeats its prompt).
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting for a concurrency permit
     */
    public ScoredBatch score(List<Prompt> prompts, List<Completion> completions) throws InterruptedException {
        if (prompts.size() != completions.size()) {
            throw new IllegalArgumentException(
                    prompts.size() + " prompts for " + completions.size() + " completions; pass one prompt per completion");
        }
        List<Map<String, CompletableFuture<Reward>>> pending = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            Map<String, CompletableFuture<Reward>> calls = new LinkedHashMap<>();
            for (CompositeReward.Part part : reward.partsFor(prompts.get(i).dataSource())) {
                calls.put(part.name(), submit(part.function(), prompts.get(i), completions.get(i)));
            }
            pending.add(calls);
        }
        return collect(prompts, pending);
    }

    private ScoredBatch collect(List<Prompt> prompts, List<Map<String, CompletableFuture<Reward>>> pending) {
        List<Reward> rewards = new ArrayList<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        int[] byStatus = new int[Reward.Status.values().length];
        for (int i = 0; i < pending.size(); i++) {
            Map<String, Reward> results = new LinkedHashMap<>();
            for (Map.Entry<String, CompletableFuture<Reward>> call : pending.get(i).entrySet()) {
                Reward result = call.getValue().join();
                results.put(call.getKey(), result);
                if (result.usable()) {
                    double[] sum = sums.computeIfAbsent(call.getKey(), name -> new double[2]);
                    sum[0] += result.score();
                    sum[1]++;
                }
            }
            Reward combined = reward.combine(prompts.get(i).dataSource(), results);
            byStatus[combined.status().ordinal()]++;
            rewards.add(combined);
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
        ScoredBatch batch = new ScoredBatch(rewards, byStatus[Reward.Status.OK.ordinal()],
                byStatus[Reward.Status.UNPARSEABLE.ordinal()], byStatus[Reward.Status.ERROR.ordinal()],
                byStatus[Reward.Status.TIMEOUT.ordinal()], means);
        if (batch.error() + batch.timeout() > 0) {
            LOG.warn("reward batch of {}: {} errors, {} timeouts (excluded from advantages); {} calls still stuck",
                    rewards.size(), batch.error(), batch.timeout(), stuck.get());
        }
        return batch;
    }

    private CompletableFuture<Reward> submit(RewardFunction function, Prompt prompt, Completion completion)
            throws InterruptedException {
        permits.acquire();
        Call call = new Call(function);
        try {
            workers.execute(() -> call.run(prompt, completion));
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        return call.result;
    }

    /** One function call on one sample: whichever of "it returned" and "its alarm rang" happens first wins. */
    private final class Call {
        final RewardFunction function;
        final CompletableFuture<Reward> result = new CompletableFuture<>();
        private Thread runner;
        private boolean finished;
        private boolean released;

        Call(RewardFunction function) {
            this.function = function;
        }

        void run(Prompt prompt, Completion completion) {
            synchronized (this) {
                runner = Thread.currentThread();
            }
            var alarm = alarms.schedule(this::timeOut, timeoutNanos, TimeUnit.NANOSECONDS);
            Reward reward = callSafely(function, prompt, completion);
            alarm.cancel(false);
            synchronized (this) {
                finished = true;
                if (!result.complete(reward)) {
                    stuck.decrementAndGet();
                }
                release();
            }
            // An interrupt sent just before we finished must not leak into the next task on this pooled thread.
            Thread.interrupted();
        }

        private synchronized void timeOut() {
            if (finished) {
                return;
            }
            // Counted before the answer is published: a caller woken by the TIMEOUT must already see this call stuck.
            stuck.incrementAndGet();
            result.complete(Reward.failed(Reward.Status.TIMEOUT, "reward '" + function.name()
                    + "' exceeded its " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms per-sample limit"));
            runner.interrupt();
            release();
        }

        private void release() {
            if (!released) {
                released = true;
                permits.release();
            }
        }
    }

    /** Runs one function, turning a thrown exception or a null answer into an {@link Reward.Status#ERROR}. */
    static Reward callSafely(RewardFunction function, Prompt prompt, Completion completion) {
        try {
            Reward reward = function.score(prompt, completion);
            return reward != null ? reward
                    : Reward.failed(Reward.Status.ERROR, "reward '" + function.name() + "' returned null");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reward.failed(Reward.Status.TIMEOUT, "reward '" + function.name() + "' was interrupted");
        } catch (Exception | StackOverflowError | AssertionError | LinkageError e) {
            LOG.debug("reward '{}' failed on prompt {}", function.name(), prompt.id(), e);
            return Reward.failed(Reward.Status.ERROR,
                    "reward '" + function.name() + "' threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
        alarms.shutdownNow();
    }
}
