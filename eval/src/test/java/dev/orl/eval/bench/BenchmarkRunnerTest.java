package dev.orl.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orl.eval.stats.Estimate;
import dev.orl.eval.testing.TinyCheckpoint;
import dev.orl.model.chat.ChatMessage;
import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.registry.BasicRewardContext;
import dev.orl.rewards.registry.CompositeReward;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.rewards.registry.RewardSpec;
import dev.orl.sandbox.client.SandboxClient;
import dev.orl.sandbox.server.SandboxServer;
import dev.orl.sandbox.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The runner with canned generators: the pipeline from prompts to metrics, judged by the real verifiers. */
class BenchmarkRunnerTest {

    private static final RewardRegistry REGISTRY = RewardRegistry.discover();

    /** Answers sample j of every prompt with {@code answer(prompt, j)}. */
    private static Generator canned(BiFunction<Prompt, Integer, String> answer) {
        return (prompts, n, params) -> {
            List<Completion> out = new ArrayList<>();
            for (Prompt p : prompts) {
                for (int j = 0; j < n; j++) {
                    out.add(Completion.ofText(answer.apply(p, j)));
                }
            }
            return out;
        };
    }

    private static EvalSettings settings(int n, List<Integer> ks) {
        return new EvalSettings(n, ks, 1.0, 1.0, 16, 0, 5, 3);
    }

    private static BenchmarkResult run(Benchmark b, Generator g, EvalSettings s, BasicRewardContext context) {
        Path file = TinyCheckpoint.sharedDatasets().resolve(b.relativePath());
        List<Prompt> prompts = BenchmarkData.load(b, file, s.limit());
        try (BenchmarkJudge judge = BenchmarkJudge.create(b, REGISTRY, context, 2, Duration.ofSeconds(60))) {
            return new BenchmarkRunner(g, List.of(), s, null).run(b, prompts, judge);
        }
    }

    @Test
    void referenceSolutionsScoreOneThroughTheRealVerifiersAndSandbox() throws Exception {
        Generator oracle = canned((p, j) -> p.extra().get("reference_response").toString());
        try (SandboxServer server = SandboxServer.start(ServerConfig.defaults());
                SandboxClient client = SandboxClient.builder().url(server.uri()).build()) {
            BasicRewardContext context = new BasicRewardContext(Path.of("."), List.of(client));
            for (String name : List.of("gsm8k", "math500", "humaneval", "mbpp")) {
                BenchmarkResult r = run(Benchmark.builtIn(name), oracle, settings(1, List.of(1)), context);
                assertEquals(1.0, r.metrics().get("acc/mean@1").value(), 0.0,
                        name + ": every reference solution is correct; statuses " + r.statuses() + ", per problem "
                                + r.correctByProblem());
                assertEquals(Map.of("OK", 5), r.statuses(), name + " statuses");
            }
        }
    }

    @Test
    void majorityVotePassAtKAndMeanSeeTheSameSamplesDifferently() {
        // per problem: sample 0 right, samples 1 and 2 give the same wrong answer
        Generator oneRightTwoWrong = canned((p, j) -> j == 0 ? "The answer is \\boxed{" + p.reference().get("answer")
                + "}" : "The answer is \\boxed{-12345}");
        BenchmarkResult r = run(Benchmark.builtIn("gsm8k"), oneRightTwoWrong, settings(3, List.of(1, 3)),
                BasicRewardContext.empty());
        assertEquals(1.0 / 3, r.metrics().get("acc/mean@3").value(), 1e-12, "mean accuracy");
        assertEquals(1.0 / 3, r.metrics().get("pass@1").value(), 1e-12, "pass@1 equals mean accuracy");
        assertEquals(1.0, r.metrics().get("pass@3").value(), 1e-12, "one of three is right");
        assertEquals(0.0, r.metrics().get("maj@3").value(), 1e-12, "the wrong answer wins the vote");
        assertEquals(1.0 / 3, r.metrics().get("maj@1").value(), 1e-12, "maj@1 is the mean accuracy");
        assertEquals(Map.of("gsm8k/acc/mean@3", 1.0 / 3), Map.of("gsm8k/acc/mean@3",
                r.valCore().get("val-core/gsm8k/acc/mean@3")), "trainer metric names");
    }

    @Test
    void strictMathCountsOnlyMarkedAnswers() {
        Generator bareNumber = canned((p, j) -> "I think it is " + p.reference().get("answer"));
        Benchmark gsm8k = Benchmark.builtIn("gsm8k");
        Path file = TinyCheckpoint.sharedDatasets().resolve(gsm8k.relativePath());
        List<Prompt> prompts = BenchmarkData.load(gsm8k, file, 3);
        double[] acc = new double[2];
        for (int strict = 0; strict < 2; strict++) {
            try (BenchmarkJudge judge = BenchmarkJudge.create(gsm8k, REGISTRY, BasicRewardContext.empty(), 2,
                    Duration.ofSeconds(10), strict == 1 ? Map.of("strict", true) : Map.of())) {
                acc[strict] = new BenchmarkRunner(bareNumber, List.of(), settings(1, List.of(1)), null)
                        .run(gsm8k, prompts, judge).metrics().get("acc/mean@1").value();
            }
        }
        assertEquals(1.0, acc[0], 0.0, "lenient: the last number counts");
        assertEquals(0.0, acc[1], 0.0, "strict: an unmarked number is no answer");
    }

    @Test
    void runsOnInMemoryPromptsWithTheCallersOwnRewards() {
        // what the trainer's validation does: its own prompt list, its own composite reward, its own policy
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            prompts.add(new Prompt("arith/" + i, "synthetic/arith", List.of(ChatMessage.user(i + " + " + i + " = ?")),
                    Map.of("answer", String.valueOf(2 * i)), Map.of()));
        }
        Generator rightOnEvenProblems = canned((p, j) -> "\\boxed{" + (p.id().endsWith("0") || p.id().endsWith("2")
                ? p.reference().get("answer") : "7") + "}");
        CompositeReward reward = REGISTRY.compose(List.of(RewardSpec.of("math_accuracy")),
                BasicRewardContext.empty());
        Benchmark arith = Benchmark.custom("synthetic/arith", BenchmarkKind.MATH);
        BenchmarkResult r;
        try (RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofSeconds(10));
                BenchmarkJudge judge = BenchmarkJudge.of(arith, scorer, "math_accuracy")) {
            r = new BenchmarkRunner(rightOnEvenProblems, List.of(), settings(2, List.of(1, 2)), null)
                    .run(arith, prompts, judge);
        }
        assertEquals(0.5, r.metrics().get("acc/mean@2").value(), 1e-12, "problems 0 and 2 of 4 answered right");
        assertEquals(0.5, r.valCore().get("val-core/synthetic/arith/pass@2"), 1e-12);
        assertEquals(0.5, r.metrics().get("maj@2").value(), 1e-12);
        BenchmarkResult plain;
        try (RewardScorer scorer = new RewardScorer(reward, 2, Duration.ofSeconds(10));
                BenchmarkJudge judge = BenchmarkJudge.of(arith, scorer, null)) {
            plain = new BenchmarkRunner(rightOnEvenProblems, List.of(), settings(2, List.of(1, 2)), null)
                    .run(arith, prompts, judge);
        }
        assertEquals(List.of("acc/mean@2", "pass@1", "pass@2"), List.copyOf(plain.metrics().keySet()),
                "without the verifier's details there is no maj@k (rather than a wrong 0)");
    }

    /** One IFEval greeting prompt asking for no commas and lowercase, judged by the real IFEval checker. */
    private static BenchmarkResult runGreeting(Generator g, EvalSettings s) {
        Prompt prompt = new Prompt("if/1", "ifeval", List.of(ChatMessage.user("Write a greeting.")),
                Map.of("instruction_id_list", List.of("punctuation:no_comma", "change_case:english_lowercase"),
                        "kwargs", List.of(Map.of(), Map.of())),
                Map.of());
        try (BenchmarkJudge judge = BenchmarkJudge.create(Benchmark.builtIn("ifeval"), REGISTRY,
                BasicRewardContext.empty(), 2, Duration.ofSeconds(10))) {
            return new BenchmarkRunner(g, List.of(), s, null).run(Benchmark.builtIn("ifeval"), List.of(prompt), judge);
        }
    }

    @Test
    void ifevalReportsPromptAndInstructionLevelStrictAndLoose() {
        BenchmarkResult r = runGreeting(canned((p, j) -> j == 0 ? "hello world" : "Hello, world"),
                settings(2, List.of(1, 2)));
        assertEquals(0.5, r.metrics().get("prompt_strict").value(), 1e-12, "one of two responses follows both");
        assertEquals(0.5, r.metrics().get("instruction_strict").value(), 1e-12, "2 of 4 instructions followed");
        assertEquals(1.0, r.metrics().get("pass@2").value(), 1e-12);
    }

    @Test
    void ifevalBreaksTheStrictFollowRateDownByInstruction() {
        List<String> answers = List.of("hello, world", "hello, there", "Hello world");
        BenchmarkResult r = runGreeting(canned((p, j) -> answers.get(j)), settings(3, List.of(1)));
        Map<String, Estimate> byInstruction = r.breakdowns().get(BenchmarkMetrics.INSTRUCTION_BREAKDOWN);
        assertEquals(1.0 / 3, byInstruction.get("punctuation:no_comma").value(), 1e-12, "one answer has no comma");
        assertEquals(2.0 / 3, byInstruction.get("change_case:english_lowercase").value(), 1e-12,
                "two answers are lowercase");
    }
}
