package dev.orl.rewards.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.BatchRewardFunction;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RewardScorerTest {
    private static final Prompt PROMPT = new Prompt("p", "gsm8k", List.of(), Map.of(), Map.of());

    private static CompositeReward single(String name, ScriptedReward.Behaviour behaviour) {
        return new CompositeReward(List.of(new CompositeReward.Part(RewardSpec.of(name),
                new ScriptedReward(name, Set.of(), behaviour))));
    }

    private static List<Completion> texts(String... texts) {
        return Arrays.stream(texts).map(Completion::ofText).toList();
    }

    @Test
    void logsTheMeanOfEachPartAFunctionReports() throws Exception {
        CompositeReward reward = single("ifeval", text -> new Reward(text.length() % 2 * 0.5,
                Map.of("a", text.length() % 2 * 1.0, "b", 0.0), Map.of(), Reward.Status.OK));
        ScoredBatch batch;
        try (RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofSeconds(30))) {
            batch = scorer.score(Collections.nCopies(4, PROMPT), texts("x", "xx", "xxx", "yy"));
        }
        Map<String, Double> metrics = batch.metrics();
        assertEquals(0.25, metrics.get("reward/ifeval/mean"), 1e-12);
        assertEquals(0.5, metrics.get("reward/ifeval/a/mean"), 1e-12, "two of four follow a: " + metrics);
        assertEquals(0.0, metrics.get("reward/ifeval/b/mean"), 1e-12);
    }

    @Test
    void theWarningAboutFailedCallsQuotesTheFirstFailure() throws Exception {
        CompositeReward reward = single("plugin", text -> {
            if (text.length() % 2 == 1) {
                throw new IllegalStateException("boom odd");
            }
            return Reward.ok(1.0, Map.of());
        });
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try (RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofSeconds(30))) {
            scorer.score(Collections.nCopies(3, PROMPT), texts("xx", "x", "xxx"));
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.contains("2 errors") && log.contains("first: reward 'plugin' threw IllegalStateException:"
                + " boom odd"), log);
    }

    @Test
    void keepsInputOrderAndCountsEachKindOfFailureApart() throws Exception {
        CompositeReward reward = single("judge", text -> switch (text) {
            case "right" -> Reward.ok(1.0, Map.of());
            case "wrong" -> Reward.ok(0.0, Map.of());
            case "garbled" -> Reward.failed(Reward.Status.UNPARSEABLE, "no answer");
            case "crash" -> throw new IllegalStateException("judge crashed");
            case "hang" -> {
                Thread.sleep(60_000);
                yield Reward.ok(1.0, Map.of());
            }
            default -> null;
        });
        List<Completion> completions = texts("right", "hang", "garbled", "wrong", "crash", "null");
        long start = System.nanoTime();
        ScoredBatch batch;
        try (RewardScorer scorer = new RewardScorer(reward, 4, Duration.ofMillis(300))) {
            batch = scorer.score(Collections.nCopies(completions.size(), PROMPT), completions);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "a hanging judge must be cut off at its 300 ms limit, batch took " + millis + " ms");
        List<Reward.Status> statuses = batch.rewards().stream().map(Reward::status).toList();
        assertEquals(List.of(Reward.Status.OK, Reward.Status.TIMEOUT, Reward.Status.UNPARSEABLE, Reward.Status.OK,
                Reward.Status.ERROR, Reward.Status.ERROR), statuses);
        assertEquals(1.0, batch.rewards().get(0).score());
        assertEquals(0.0, batch.rewards().get(3).score());
        assertNull(batch.rewards().get(1).score(), "a timeout is never scored");
        assertEquals(List.of(2, 1, 2, 1), List.of(batch.ok(), batch.unparseable(), batch.error(), batch.timeout()));
        Map<String, Double> metrics = batch.metrics();
        assertEquals(0.5, metrics.get("reward/judge/mean"), 1e-12, "mean of the usable scores 1 and 0");
        assertEquals(1 / 6.0, metrics.get("reward/unparseable_ratio"), 1e-12);
        assertEquals(3 / 6.0, metrics.get("reward/error_ratio"), 1e-12, "errors and timeouts: " + metrics);
    }

    @Test
    void aJudgeThatIgnoresInterruptsDoesNotStarveLaterBatches() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        CompositeReward reward = single("judge", text -> {
            if (text.equals("spin")) {
                while (!release.get()) {
                    Thread.onSpinWait();
                }
            }
            return Reward.ok(1.0, Map.of());
        });
        try (RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofMillis(200))) {
            ScoredBatch stuck = scorer.score(List.of(PROMPT, PROMPT), texts("spin", "spin"));
            assertEquals(2, stuck.timeout(), "both spinning calls time out");
            assertEquals(2, scorer.stuckCalls(), "their threads are still running");
            long start = System.nanoTime();
            ScoredBatch next = scorer.score(Collections.nCopies(4, PROMPT), texts("a", "b", "c", "d"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(4, next.ok(), "the scorer keeps working with both slots held by stuck threads");
            assertTrue(millis < 2_000, "next batch took " + millis + " ms");
            release.set(true);
            for (int i = 0; i < 100 && scorer.stuckCalls() > 0; i++) {
                Thread.sleep(20);
            }
            assertEquals(0, scorer.stuckCalls(), "stuck calls are no longer counted once they return");
        } finally {
            release.set(true);
        }
    }

    @Test
    void neverRunsMoreCallsAtOnceThanItsParallelism() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CompositeReward reward = single("judge", text -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(30);
            running.decrementAndGet();
            return Reward.ok(1.0, Map.of());
        });
        try (RewardScorer scorer = new RewardScorer(reward, 3, Duration.ofSeconds(10))) {
            ScoredBatch batch = scorer.score(Collections.nCopies(12, PROMPT),
                    Collections.nCopies(12, Completion.ofText("x")));
            assertEquals(12, batch.ok());
        }
        assertTrue(peak.get() <= 3, "peak concurrency " + peak.get() + " exceeds the bound of 3");
        assertTrue(peak.get() >= 2, "calls should overlap; peak concurrency was " + peak.get());
    }
    /** A batch function that records every call it gets and answers each sample by its text. */
    private record RecordingBatchReward(String name, Set<String> sources, List<List<String>> calls,
            boolean deterministic, ScriptedReward.Behaviour behaviour) implements BatchRewardFunction {

        @Override
        public boolean appliesTo(String dataSource) {
            return sources.contains(dataSource);
        }

        @Override
        public Reward score(Prompt prompt, Completion completion) {
            throw new AssertionError("the scorer must call scoreBatch, not score");
        }

        @Override
        public List<Reward> scoreBatch(List<Prompt> prompts, List<Completion> completions) throws Exception {
            List<String> texts = completions.stream().map(Completion::text).toList();
            calls.add(texts);
            List<Reward> out = new ArrayList<>();
            for (String text : texts) {
                out.add(behaviour.answer(text));
            }
            return out;
        }
    }

    private static Prompt from(String source) {
        return new Prompt("p-" + source, source, List.of(), Map.of(), Map.of());
    }

    @Test
    void aBatchFunctionGetsOneCallHoldingOnlyTheSamplesRoutedToItInOrder() throws Exception {
        List<List<String>> calls = new CopyOnWriteArrayList<>();
        BatchRewardFunction rm = new RecordingBatchReward("rm", Set.of("chat"), calls, false,
                text -> Reward.ok(text.length(), Map.of()));
        CompositeReward reward = new CompositeReward(List.of(
                new CompositeReward.Part(RewardSpec.of("rm"), rm),
                new CompositeReward.Part(RewardSpec.of("judge"), new ScriptedReward("judge", Set.of("math"),
                        text -> Reward.ok(1.0, Map.of())))));
        List<Prompt> prompts = List.of(from("chat"), from("math"), from("chat"), from("chat"), from("math"));
        ScoredBatch batch;
        try (RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofSeconds(10))) {
            batch = scorer.score(prompts, texts("a", "bb", "ccc", "dddd", "eeeee"));
        }
        assertEquals(List.of(List.of("a", "ccc", "dddd")), calls, "one call, the chat samples in batch order");
        List<Double> scores = batch.rewards().stream().map(Reward::score).toList();
        assertEquals(List.of(1.0, 1.0, 3.0, 4.0, 1.0), scores, "each answer lands on its own sample");
        assertEquals(5, batch.ok());
    }

    @Test
    void aBatchCallThatOverrunsItsLimitTimesOutEverySampleItHoldsAndNoOther() throws Exception {
        CompositeReward reward = new CompositeReward(List.of(
                new CompositeReward.Part(RewardSpec.of("rm"), new RecordingBatchReward("rm", Set.of("chat"),
                        new CopyOnWriteArrayList<>(), false, text -> {
                            Thread.sleep(60_000);
                            return Reward.ok(1.0, Map.of());
                        })),
                new CompositeReward.Part(RewardSpec.of("judge"), new ScriptedReward("judge", Set.of("math"),
                        text -> Reward.ok(1.0, Map.of())))));
        List<Prompt> prompts = List.of(from("chat"), from("math"), from("chat"), from("chat"));
        long start = System.nanoTime();
        ScoredBatch batch;
        try (RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofMillis(200))) {
            batch = scorer.score(prompts, texts("a", "b", "c", "d"));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Three samples at parallelism 2 could take two rounds of 200 ms one call at a time: the batch gets 400 ms.
        assertTrue(millis >= 400 && millis < 5_000, "the batch call is cut off after 400 ms, took " + millis + " ms");
        assertEquals(List.of(Reward.Status.TIMEOUT, Reward.Status.OK, Reward.Status.TIMEOUT, Reward.Status.TIMEOUT),
                batch.rewards().stream().map(Reward::status).toList());
        assertTrue(batch.rewards().get(0).toString().contains("limit for a batch of 3 samples"),
                batch.rewards().get(0).toString());
    }

    @Test
    void aBatchFunctionThatAnswersTheWrongNumberOfSamplesFailsThemAll() throws Exception {
        CompositeReward reward = new CompositeReward(List.of(new CompositeReward.Part(RewardSpec.of("rm"),
                new BatchRewardFunction() {
                    @Override
                    public String name() {
                        return "rm";
                    }

                    @Override
                    public Reward score(Prompt prompt, Completion completion) {
                        throw new AssertionError("unused");
                    }

                    @Override
                    public List<Reward> scoreBatch(List<Prompt> prompts, List<Completion> completions) {
                        return List.of(Reward.ok(1.0, Map.of()));
                    }
                })));
        ScoredBatch batch;
        try (RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofSeconds(10))) {
            batch = scorer.score(List.of(from("chat"), from("chat")), texts("a", "b"));
        }
        assertEquals(2, batch.error());
        assertTrue(batch.rewards().get(1).toString().contains("returned 1 rewards for 2 samples"),
                batch.rewards().get(1).toString());
    }

    /** A deterministic judge that counts its calls and scores a text by its length. */
    private record CountingJudge(String name, AtomicInteger calls) implements RewardFunction {
        @Override
        public boolean deterministic() {
            return true;
        }

        @Override
        public Reward score(Prompt prompt, Completion completion) {
            calls.incrementAndGet();
            return Reward.ok(completion.text().length() + (prompt.id().equals("other") ? 100.0 : 0.0), Map.of());
        }
    }

    @Test
    void aDeterministicFunctionJudgesEachDistinctSampleOnceAndEveryRepeatGetsItsAnswer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CompositeReward reward = new CompositeReward(List.of(
                new CompositeReward.Part(RewardSpec.of("judge"), new CountingJudge("judge", calls))));
        Prompt other = new Prompt("other", "gsm8k", List.of(), Map.of(), Map.of());
        List<Prompt> prompts = List.of(PROMPT, PROMPT, PROMPT, PROMPT, PROMPT, other, other, PROMPT);
        ScoredBatch batch;
        try (RewardScorer scorer = new RewardScorer(reward, 4, Duration.ofSeconds(10))) {
            batch = scorer.score(prompts, texts("a", "bb", "a", "a", "bb", "a", "a", "ccc"));
        }
        // Distinct (prompt, text) pairs: (p, a), (p, bb), (other, a), (p, ccc).
        assertEquals(4, calls.get(), "each distinct sample is judged once");
        assertEquals(List.of(1.0, 2.0, 1.0, 1.0, 2.0, 101.0, 101.0, 3.0),
                batch.rewards().stream().map(Reward::score).toList(), "every repeat carries its own prompt's answer");
        assertEquals(4 / 8.0, batch.metrics().get("reward/repeat_ratio"), 1e-12);
    }

    @Test
    void aFunctionNotDeclaredDeterministicIsCalledForEverySample() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CompositeReward reward = single("judge", text -> {
            calls.incrementAndGet();
            return Reward.ok(1.0, Map.of());
        });
        ScoredBatch batch;
        try (RewardScorer scorer = new RewardScorer(reward, 4, Duration.ofSeconds(10))) {
            batch = scorer.score(Collections.nCopies(5, PROMPT), texts("a", "a", "a", "a", "a"));
        }
        assertEquals(5, calls.get(), "a sampling judge may answer the same text differently");
        assertEquals(0.0, batch.metrics().get("reward/repeat_ratio"));
    }

    @Test
    void aDeterministicBatchFunctionGetsEachDistinctSampleOnce() throws Exception {
        List<List<String>> calls = new CopyOnWriteArrayList<>();
        BatchRewardFunction rm = new RecordingBatchReward("rm", Set.of("chat"), calls, true,
                text -> Reward.ok(text.length(), Map.of()));
        CompositeReward reward = new CompositeReward(List.of(new CompositeReward.Part(RewardSpec.of("rm"), rm)));
        ScoredBatch batch;
        try (RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofSeconds(10))) {
            batch = scorer.score(Collections.nCopies(5, from("chat")), texts("a", "bb", "a", "ccc", "bb"));
        }
        assertEquals(List.of(List.of("a", "bb", "ccc")), calls, "one call, each distinct sample once, in order");
        assertEquals(List.of(1.0, 2.0, 1.0, 3.0, 2.0), batch.rewards().stream().map(Reward::score).toList());
        assertEquals(2 / 5.0, batch.metrics().get("reward/repeat_ratio"), 1e-12);
    }
}
