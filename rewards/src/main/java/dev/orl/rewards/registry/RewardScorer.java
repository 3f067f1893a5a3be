package dev.orl.rewards.registry;

import dev.orl.model.sampling.Completion;
import dev.orl.model.sampling.FinishReason;
import dev.orl.rewards.BatchRewardFunction;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
import java.util.function.Supplier;
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
 *
 * <p>A {@link BatchRewardFunction} gets one call per batch, holding every sample routed to it, started before the
 * per-sample calls and counted as one of the {@code parallelism} calls.
 */
public final class RewardScorer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RewardScorer.class);

    private final CompositeReward reward;
    private final long timeoutNanos;
    private final int parallelism;
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
        this.parallelism = parallelism;
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
        Repeats repeats = new Repeats(prompts, completions);
        Map<String, Map<Integer, CompletableFuture<Reward>>> batched = submitBatchCalls(prompts, completions, repeats);
        List<Map<String, CompletableFuture<Reward>>> pending = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            Map<String, CompletableFuture<Reward>> calls = new LinkedHashMap<>();
            for (CompositeReward.Part part : reward.partsFor(prompts.get(i).dataSource())) {
                Map<Integer, CompletableFuture<Reward>> fromBatch = batched.get(part.name());
                if (fromBatch != null) {
                    calls.put(part.name(), fromBatch.get(i));
                    continue;
                }
                int earlier = repeats.earlier(part, i);
                calls.put(part.name(), earlier >= 0 ? pending.get(earlier).get(part.name())
                        : submit(part.function(), prompts.get(i), completions.get(i)));
            }
            pending.add(calls);
        }
        return collect(prompts, pending, repeats);
    }

    private ScoredBatch collect(List<Prompt> prompts, List<Map<String, CompletableFuture<Reward>>> pending,
            Repeats repeats) {
        List<Reward> rewards = new ArrayList<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
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
            combined.components().forEach((key, v) -> {
                if (key.indexOf('/') >= 0) {
                    double[] sum = sums.computeIfAbsent(key, name -> new double[2]);
                    sum[0] += v;
                    sum[1]++;
                }
            });
            rewards.add(combined);
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
        ScoredBatch batch = ScoredBatch.of(rewards, means, repeats.share());
        if (batch.error() + batch.timeout() > 0) {
            LOG.warn("reward batch of {}: {} errors, {} timeouts (excluded from advantages); {} calls still stuck;"
                    + " first: {}", rewards.size(), batch.error(), batch.timeout(), stuck.get(), firstFailure(pending));
        }
        return batch;
    }

    /**
     * The message of the first failed call of a batch, so that a verifier's author sees why it fails without a
     * debugger (the stack trace is logged at debug level).
     */
    private static String firstFailure(List<Map<String, CompletableFuture<Reward>>> pending) {
        for (Map<String, CompletableFuture<Reward>> calls : pending) {
            for (CompletableFuture<Reward> call : calls.values()) {
                Reward r = call.join();
                if (r.status() == Reward.Status.ERROR || r.status() == Reward.Status.TIMEOUT) {
                    return String.valueOf(r.info().getOrDefault("error", r.status()));
                }
            }
        }
        return "none";
    }

    /**
     * Starts one call per {@link BatchRewardFunction} part over the samples routed to it, first, so that it runs
     * beside the per-sample calls; returns each such part's futures by sample index. A deterministic function is
     * handed each distinct sample once; its repeats share the first one's future.
     */
    private Map<String, Map<Integer, CompletableFuture<Reward>>> submitBatchCalls(List<Prompt> prompts,
            List<Completion> completions, Repeats repeats) throws InterruptedException {
        Map<String, Map<Integer, CompletableFuture<Reward>>> out = new LinkedHashMap<>();
        for (CompositeReward.Part part : reward.parts()) {
            if (!(part.function() instanceof BatchRewardFunction function)) {
                continue;
            }
            List<Integer> routed = new ArrayList<>();
            Map<Integer, Integer> repeatOf = new LinkedHashMap<>();
            for (int i = 0; i < prompts.size(); i++) {
                if (part.appliesTo(prompts.get(i).dataSource())) {
                    int earlier = repeats.earlier(part, i);
                    if (earlier >= 0) {
                        repeatOf.put(i, earlier);
                    } else {
                        routed.add(i);
                    }
                }
            }
            Map<Integer, CompletableFuture<Reward>> futures = new LinkedHashMap<>();
            out.put(part.name(), futures);
            if (routed.isEmpty()) {
                continue;
            }
            List<Prompt> somePrompts = routed.stream().map(prompts::get).toList();
            List<Completion> someCompletions = routed.stream().map(completions::get).toList();
            long rounds = (routed.size() + parallelism - 1) / parallelism;
            Call call = start(new Call(function, routed.size(), timeoutNanos * rounds),
                    () -> callBatchSafely(function, somePrompts, someCompletions));
            for (int k = 0; k < routed.size(); k++) {
                futures.put(routed.get(k), call.results.get(k));
            }
            repeatOf.forEach((i, earlier) -> futures.put(i, futures.get(earlier)));
        }
        return out;
    }

    private CompletableFuture<Reward> submit(RewardFunction function, Prompt prompt, Completion completion)
            throws InterruptedException {
        return start(new Call(function, 1, timeoutNanos), () -> List.of(callSafely(function, prompt, completion)))
                .results.get(0);
    }

    private Call start(Call call, Supplier<List<Reward>> work) throws InterruptedException {
        permits.acquire();
        try {
            workers.execute(() -> call.run(work));
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        return call;
    }

    /**
     * One function call on one sample or on a batch of them: whichever of "it returned" and "its alarm rang" happens
     * first wins, for every sample the call holds.
     */
    private final class Call {
        final RewardFunction function;
        final List<CompletableFuture<Reward>> results = new ArrayList<>();
        final long limitNanos;
        private Thread runner;
        private boolean finished;
        private boolean timedOut;
        private boolean released;

        Call(RewardFunction function, int samples, long limitNanos) {
            this.function = function;
            this.limitNanos = limitNanos;
            for (int i = 0; i < samples; i++) {
                results.add(new CompletableFuture<>());
            }
        }

        void run(Supplier<List<Reward>> work) {
            synchronized (this) {
                runner = Thread.currentThread();
            }
            var alarm = alarms.schedule(this::timeOut, limitNanos, TimeUnit.NANOSECONDS);
            List<Reward> rewards = work.get();
            alarm.cancel(false);
            synchronized (this) {
                finished = true;
                if (timedOut) {
                    stuck.decrementAndGet();
                } else {
                    for (int i = 0; i < results.size(); i++) {
                        results.get(i).complete(rewards.get(i));
                    }
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
            timedOut = true;
            // Counted before the answer is published: a caller woken by the TIMEOUT must already see this call stuck.
            stuck.incrementAndGet();
            long millis = TimeUnit.NANOSECONDS.toMillis(limitNanos);
            Reward timeout = Reward.failed(Reward.Status.TIMEOUT, "reward '" + function.name() + "' exceeded its "
                    + (results.size() == 1 ? millis + " ms per-sample limit"
                            : millis + " ms limit for a batch of " + results.size() + " samples"));
            results.forEach(result -> result.complete(timeout));
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

    /**
     * The (sample, function) judgements of one batch, and which of them repeat an earlier identical sample for a
     * {@link RewardFunction#deterministic() deterministic} function: a converging policy answers a group's prompt
     * the same way several times, and a sandbox run or a reward-model pass need not be repeated for each.
     */
    private static final class Repeats {
        private final List<Prompt> prompts;
        private final List<Completion> completions;
        private final Map<String, Map<Sample, Integer>> firstByPart = new HashMap<>();
        private final Sample[] samples;
        private int judgements;
        private int repeated;

        Repeats(List<Prompt> prompts, List<Completion> completions) {
            this.prompts = prompts;
            this.completions = completions;
            this.samples = new Sample[prompts.size()];
        }

        /** The earlier sample whose judgement by {@code part} sample {@code i} shares, or -1 to judge it itself. */
        int earlier(CompositeReward.Part part, int i) {
            judgements++;
            if (!part.function().deterministic()) {
                return -1;
            }
            if (samples[i] == null) {
                samples[i] = new Sample(prompts.get(i), completions.get(i));
            }
            Map<Sample, Integer> firsts = firstByPart.computeIfAbsent(part.name(), name -> new HashMap<>());
            Integer first = firsts.putIfAbsent(samples[i], i);
            if (first == null) {
                return -1;
            }
            repeated++;
            return first;
        }

        /** The share of judgements taken from an earlier identical sample. */
        double share() {
            return judgements == 0 ? 0 : repeated / (double) judgements;
        }
    }

    /** What a deterministic function may read of a sample: the prompt, and the response's text, tokens and end. */
    private record Sample(Prompt prompt, String text, FinishReason finish, List<Integer> responseIds) {
        Sample(Prompt prompt, Completion completion) {
            this(prompt, completion.text(), completion.finishReason(),
                    Arrays.stream(completion.responseIds()).boxed().toList());
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

    /** Runs one batch call, turning a thrown exception, a null or a wrong count into a failure of every sample. */
    static List<Reward> callBatchSafely(BatchRewardFunction function, List<Prompt> prompts,
            List<Completion> completions) {
        Reward failure;
        try {
            List<Reward> rewards = function.scoreBatch(prompts, completions);
            if (rewards != null && rewards.size() == prompts.size()) {
                return rewards.stream().map(r -> r != null ? r
                        : Reward.failed(Reward.Status.ERROR, "reward '" + function.name() + "' returned null")).toList();
            }
            failure = Reward.failed(Reward.Status.ERROR, "reward '" + function.name() + "' returned "
                    + (rewards == null ? "null" : rewards.size() + " rewards") + " for " + prompts.size() + " samples");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Reward.failed(Reward.Status.TIMEOUT, "reward '" + function.name() + "' was interrupted");
        } catch (Exception | StackOverflowError | AssertionError | LinkageError e) {
            LOG.debug("reward '{}' failed on a batch of {}", function.name(), prompts.size(), e);
            failure = Reward.failed(Reward.Status.ERROR,
                    "reward '" + function.name() + "' threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return Collections.nCopies(prompts.size(), failure);
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
