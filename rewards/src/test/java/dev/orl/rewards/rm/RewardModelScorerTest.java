package dev.orl.rewards.rm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import dev.orl.model.chat.ChatMessage;
import dev.orl.model.config.Qwen2Config;
import dev.orl.model.heads.ScoreHead;
import dev.orl.model.io.Checkpoint;
import dev.orl.model.kernels.PlainKernels;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.sampling.Completion;
import dev.orl.model.tokenizer.CharTokenizer;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.registry.BasicRewardContext;
import dev.orl.rewards.registry.RewardRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reward-model scorer over a tiny random Qwen2 score-head checkpoint written by the test. */
class RewardModelScorerTest {
    private static final Qwen2Config TINY = new Qwen2Config("Qwen2ForSequenceClassification", 32, 64, 2, 4, 2, 128,
            512, 10000, 1e-6, true, 1);
    private static final Prompt PROMPT = new Prompt("p", "hh-rlhf", List.of(ChatMessage.user("How do I boil an egg?")),
            Map.of(), Map.of());
    private static final List<String> RESPONSES = List.of("Put it in boiling water for 8 minutes.", "No.",
            "Eggs are laid by hens; boiling them takes about eight to ten minutes depending on size.", "?",
            "Boil water, add the egg, wait, cool it in cold water.", "I cannot help with that.");

    @TempDir
    static Path dir;
    private static Path orl;
    private static Path hf;

    /** One random decoder + head saved twice: orl's tied layout, and HF's untied layout without an LM head. */
    @BeforeAll
    static void writeCheckpoints() throws IOException {
        orl = dir.resolve("rm-orl");
        hf = dir.resolve("rm-hf");
        try (Qwen2Model model = Qwen2Model.random(TINY, new PlainKernels(), Device.cpu(), 7)) {
            ScoreHead head = ScoreHead.create(TINY.hiddenSize(), 1, model.manager(), 11);
            model.save(orl, head.parameters());
            Map<String, NDArray> all = new LinkedHashMap<>(model.parameters());
            all.putAll(head.parameters());
            Checkpoint.write(hf, new Qwen2Config(TINY.architecture(), 32, 64, 2, 4, 2, 128, 512, 10000, 1e-6, false,
                    1), all);
        }
        CharTokenizer.ascii().save(orl);
        CharTokenizer.ascii().save(hf);
    }

    private static RewardModelScorer load(RewardModelConfig config) throws IOException {
        return RewardModelScorer.load(config);
    }

    private static double raw(Reward r) {
        assertEquals(Reward.Status.OK, r.status(), r.toString());
        return (Double) r.info().get("raw_score");
    }

    private static List<Double> oneByOne(RewardModelScorer scorer) throws Exception {
        List<Double> out = new ArrayList<>();
        for (String response : RESPONSES) {
            out.add(raw(scorer.score(PROMPT, Completion.ofText(response))));
        }
        return out;
    }

    @Test
    void scoresAreDeterministicAndDifferBetweenResponses() throws Exception {
        List<Double> first;
        try (RewardModelScorer scorer = load(RewardModelConfig.defaults(orl))) {
            first = oneByOne(scorer);
            assertEquals(first, oneByOne(scorer), "the same scorer twice");
        }
        try (RewardModelScorer again = load(RewardModelConfig.defaults(orl))) {
            assertEquals(first, oneByOne(again), "a second load of the same checkpoint");
        }
        assertTrue(first.stream().distinct().count() == RESPONSES.size(), "every response scores differently: "
                + first);
    }

    @Test
    void batchedScoresEqualOneByOneScores() throws Exception {
        try (RewardModelScorer scorer = load(RewardModelConfig.defaults(orl).withBatchSize(4))) {
            List<Double> single = oneByOne(scorer);
            List<Reward> batched = scorer.scoreBatch(RESPONSES.stream().map(r -> PROMPT).toList(),
                    RESPONSES.stream().map(Completion::ofText).toList());
            ExecutorService pool = Executors.newFixedThreadPool(RESPONSES.size());
            List<Future<Reward>> concurrent = new ArrayList<>();
            for (String response : RESPONSES) {
                concurrent.add(pool.submit(() -> scorer.score(PROMPT, Completion.ofText(response))));
            }
            for (int i = 0; i < RESPONSES.size(); i++) {
                assertEquals(single.get(i), raw(batched.get(i)), 1e-5, "response " + i + " in a batch of 4");
                assertEquals(single.get(i), raw(concurrent.get(i).get()), 1e-5, "response " + i + " called concurrently");
            }
            pool.shutdown();
        }
    }

    /**
     * At d = 128 the rows that share a forward pass change a score's last bits (at d = 32 they do not), so this is
     * the size at which a batch's repeatability can be tested.
     */
    @Test
    void aBatchRepeatsToTheLastBitWhileSingleCallsArriveAtTheSameTime() throws Exception {
        Path wide = RandomRewardModels.write(dir.resolve("rm-d128"), 128, 2, 7);
        List<Prompt> prompts = RESPONSES.stream().map(r -> PROMPT).toList();
        List<Completion> completions = RESPONSES.stream().map(Completion::ofText).toList();
        try (RewardModelScorer scorer = load(RewardModelConfig.defaults(wide).withBatchSize(4))) {
            List<Double> alone = scorer.scoreBatch(prompts, completions).stream().map(r -> raw(r)).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> others = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                others.add(pool.submit(() -> {
                    for (int k = 0; k < 30; k++) {
                        scorer.score(PROMPT, Completion.ofText(RESPONSES.get((k + thread) % RESPONSES.size())
                                .repeat(1 + k % 3)));
                    }
                    return null;
                }));
            }
            for (int round = 0; round < 10; round++) {
                List<Double> again = scorer.scoreBatch(prompts, completions).stream().map(r -> raw(r)).toList();
                assertEquals(alone, again, "round " + round + ": a batch's scores must not depend on other calls");
            }
            for (Future<?> f : others) {
                f.get();
            }
            pool.shutdown();
        }
    }

    @Test
    void normalizationIsApplied() throws Exception {
        try (RewardModelScorer plain = load(RewardModelConfig.defaults(orl));
                RewardModelScorer standardized = load(RewardModelConfig.defaults(orl)
                        .withNormalization(new Normalization("standardize", 0.5, 0.25)));
                RewardModelScorer sigmoid = load(RewardModelConfig.defaults(orl)
                        .withNormalization(new Normalization("sigmoid", 0, 1)))) {
            for (String response : RESPONSES) {
                Completion c = Completion.ofText(response);
                double raw = plain.score(PROMPT, c).score();
                Reward s = standardized.score(PROMPT, c);
                assertEquals((raw - 0.5) / 0.25, s.score(), 1e-9, "standardized " + response);
                assertEquals(raw, raw(s), 0.0, "info keeps the raw score");
                assertEquals(1 / (1 + Math.exp(-raw)), sigmoid.score(PROMPT, c).score(), 1e-9, "sigmoid " + response);
            }
        }
    }

    @Test
    void anHfSequenceClassificationCheckpointWithoutLmHeadScoresTheSame() throws Exception {
        try (RewardModelScorer a = load(RewardModelConfig.defaults(orl));
                RewardModelScorer b = load(RewardModelConfig.defaults(hf))) {
            List<Double> fromOrl = oneByOne(a);
            List<Double> fromHf = oneByOne(b);
            for (int i = 0; i < fromOrl.size(); i++) {
                assertEquals(fromOrl.get(i), fromHf.get(i), 1e-6, "response " + i);
            }
        }
    }

    @Test
    void longSequencesKeepTheirEnd() throws Exception {
        String longResponse = "word ".repeat(200) + "final";
        try (RewardModelScorer full = load(RewardModelConfig.defaults(orl));
                RewardModelScorer cut = load(new RewardModelConfig(orl, orl.toString(), "cpu",
                        RewardModelConfig.defaults(orl).template(), "<|im_end|>", 0, 8, Duration.ofMillis(5), 64,
                        Normalization.none(), Set.of("*")))) {
            Reward r = cut.score(PROMPT, Completion.ofText(longResponse));
            int total = full.tokens(PROMPT, longResponse).length;
            assertEquals(total - 64, r.info().get("truncated"), r.info().toString());
            assertEquals(64, r.info().get("tokens"));
            assertNotEquals(raw(full.score(PROMPT, Completion.ofText(longResponse))), raw(r), 1e-9,
                    "the cut sequence is scored, not the full one");
        }
    }

    @Test
    void responseEndDecidesTheTokenWhereTheScoreIsRead() throws Exception {
        BasicRewardContext context = new BasicRewardContext(dir, List.of());
        RewardFunction hfStyle = RewardRegistry.discover().provider("reward_model")
                .create(Map.of("path", "rm-orl", "response_end", "<|im_end|>\n"), context);
        try (RewardModelScorer orlStyle = load(RewardModelConfig.defaults(orl));
                RewardModelScorer hf = (RewardModelScorer) hfStyle) {
            int[] a = orlStyle.tokens(PROMPT, "Yes.");
            int[] b = hf.tokens(PROMPT, "Yes.");
            assertEquals(a.length + 1, b.length, "one more token: the newline after <|im_end|>");
            assertEquals(CharTokenizer.ascii().encode("\n")[0], b[b.length - 1]);
            assertNotEquals(raw(orlStyle.score(PROMPT, Completion.ofText("Yes."))),
                    raw(hf.score(PROMPT, Completion.ofText("Yes."))), 1e-9);
        }
    }

    @Test
    void providerLoadsByNameWithPathsRelativeToTheRecipeAndChecksOptions() throws Exception {
        BasicRewardContext context = new BasicRewardContext(dir, List.of());
        RewardFunction f = RewardRegistry.discover().provider("reward_model")
                .create(Map.of("path", "rm-orl", "normalize", "sigmoid", "batch_size", 2), context);
        try (RewardModelScorer direct = load(RewardModelConfig.defaults(orl))) {
            double raw = direct.score(PROMPT, Completion.ofText(RESPONSES.get(0))).score();
            assertEquals(1 / (1 + Math.exp(-raw)), f.score(PROMPT, Completion.ofText(RESPONSES.get(0))).score(), 1e-9);
        } finally {
            ((AutoCloseable) f).close();
        }
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> RewardRegistry.discover()
                .provider("reward_model").create(Map.of("path", "rm-orl", "normalise", "sigmoid"), context));
        assertTrue(typo.getMessage().contains("normalise"), typo.getMessage());
        IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class, () -> RewardRegistry.discover()
                .provider("reward_model").create(Map.of(), context));
        assertTrue(noPath.getMessage().contains("path"), noPath.getMessage());
    }

    @Test
    void refusesACheckpointWithoutAScoreHead() throws Exception {
        Path policy = dir.resolve("policy");
        try (Qwen2Model model = Qwen2Model.random(TINY.withArchitecture("Qwen2ForCausalLM", 1), new PlainKernels(),
                Device.cpu(), 3)) {
            model.save(policy, Map.of());
        }
        CharTokenizer.ascii().save(policy);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(RewardModelConfig.defaults(policy)));
        assertTrue(e.getMessage().contains("score.weight"), e.getMessage());
    }
}
