package dev.orl.rewards.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.model.chat.ChatMessage;
import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.registry.BasicRewardContext;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.sandbox.client.SandboxClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The code verifier against a real sandbox on loopback ({@link LocalSandbox}): MBPP, stdin/stdout, options, failures. */
class CodeVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Integer> MBPP_IDS = List.of(2, 3, 4, 11, 12, 17, 100, 250, 600, 974);
    private static LocalSandbox sandbox;
    private static SandboxClient client;
    private static Map<Integer, JsonNode> mbpp;

    @BeforeAll
    static void start() throws IOException {
        sandbox = LocalSandbox.start(null);
        client = sandbox.client();
        mbpp = new HashMap<>();
        Path file = Path.of(System.getProperty("orl.shared.datasets"), "mbpp", "mbpp.jsonl");
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            if (MBPP_IDS.contains(n.get("task_id").asInt())) {
                mbpp.put(n.get("task_id").asInt(), n);
            }
        }
        assertEquals(MBPP_IDS.size(), mbpp.size(), "MBPP tasks found in " + file);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static RewardFunction verifier(Map<String, Object> options) {
        return RewardRegistry.discover().provider(CodeVerifier.NAME)
                .create(options, new BasicRewardContext(Path.of("."), List.of(client)));
    }

    /** The reference keys the datasets module's MBPP adapter writes. */
    private static Prompt mbppPrompt(JsonNode task) {
        List<Map<String, Object>> tests = new ArrayList<>();
        task.get("test_list").forEach(t -> tests.add(Map.of("assert_code", t.asText())));
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("tests", tests);
        reference.put("language", "python");
        reference.put("setup_code", task.get("test_setup_code").asText());
        return new Prompt("mbpp/" + task.get("task_id").asInt(), "mbpp", List.of(ChatMessage.user(
                task.get("text").asText())), reference, Map.of());
    }

    private static Prompt stdinPrompt(String... inputOutputPairs) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (int i = 0; i < inputOutputPairs.length; i += 2) {
            tests.add(Map.of("stdin", inputOutputPairs[i], "expected_stdout", inputOutputPairs[i + 1]));
        }
        return new Prompt("io", "synthetic/python", List.of(ChatMessage.user("sum")),
                Map.of("tests", tests, "language", "python"), Map.of());
    }

    private static Reward score(RewardFunction f, Prompt p, String response) throws Exception {
        return f.score(p, Completion.ofText(response));
    }

    private static String fenced(String code) {
        return "Here is my solution.\n```python\n" + code.replace("\r\n", "\n") + "\n```\n";
    }

    @Test
    void mbppReferenceSolutionsScoreOneAndWrongOnesZero() throws Exception {
        RewardFunction f = verifier(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int id : MBPP_IDS) {
                JsonNode task = mbpp.get(id);
                JsonNode other = mbpp.get(MBPP_IDS.get((MBPP_IDS.indexOf(id) + 1) % MBPP_IDS.size()));
                outcomes.add(pool.submit(() -> {
                    Prompt prompt = mbppPrompt(task);
                    String wrong = "";
                    Reward good = score(f, prompt, fenced(task.get("code").asText()));
                    if (!good.usable() || good.score() != 1.0) {
                        wrong += "task " + id + " reference solution: " + good + "\n";
                    }
                    Reward bad = score(f, prompt, fenced(other.get("code").asText()));
                    if (!bad.usable() || bad.score() != 0.0) {
                        wrong += "task " + id + " with task " + other.get("task_id") + "'s code: " + bad + "\n";
                    }
                    return wrong;
                }));
            }
            StringBuilder wrong = new StringBuilder();
            for (Future<String> outcome : outcomes) {
                wrong.append(outcome.get());
            }
            assertTrue(wrong.isEmpty(), wrong.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void assertTestsShareOneProcessUnlessTheOptionGivesEachItsOwn() throws Exception {
        Prompt p = new Prompt("counter", "synthetic/python", List.of(ChatMessage.user("count")), Map.of("tests",
                List.of(Map.of("assert_code", "assert f(0) == 1"), Map.of("assert_code", "assert f(0) == 2")),
                "language", "python", "entry_point", "f"), Map.of());
        // only a program that keeps state between calls can tell the two apart
        String counter = fenced("calls = []\ndef f(x):\n    calls.append(x)\n    return len(calls)");
        assertEquals(1.0, score(verifier(Map.of()), p, counter).score());
        assertEquals(0.0, score(verifier(Map.of("tests_share_process", false)), p, counter).score());
        for (int id : MBPP_IDS) {
            Prompt task = mbppPrompt(mbpp.get(id));
            String wrong = fenced(mbpp.get(MBPP_IDS.get((MBPP_IDS.indexOf(id) + 3) % MBPP_IDS.size()))
                    .get("code").asText());
            Reward shared = score(verifier(Map.of("reward", "pass_rate")), task, wrong);
            Reward alone = score(verifier(Map.of("reward", "pass_rate", "tests_share_process", false)), task, wrong);
            assertEquals(alone.info().get("verdicts"), shared.info().get("verdicts"), "MBPP " + id);
        }
    }

    @Test
    void reportsPerTestVerdictsAndTheFirstFailure() throws Exception {
        Prompt p = stdinPrompt("1 2\n", "3\n", "5 5\n", "10\n", "-1 1\n", "0\n");
        Reward r = score(verifier(Map.of("reward", "pass_rate")), p,
                fenced("a, b = map(int, input().split())\nprint(a + b if a > 0 else 7)"));
        assertEquals(Reward.Status.OK, r.status(), r.toString());
        assertEquals(2.0 / 3, r.score(), 1e-9, "two of three tests pass: " + r.info());
        assertEquals(List.of("Accepted", "Accepted", "WrongAnswer"), r.info().get("verdicts"));
        assertEquals(false, r.info().get("acc"));
        assertTrue(String.valueOf(r.info().get("first_failure")).startsWith("test 2: WrongAnswer"), r.info().toString());
    }

    @Test
    void allPassScoresZeroUnlessEveryTestPassesOrTheThresholdIsMet() throws Exception {
        Prompt p = stdinPrompt("1 2\n", "3\n", "5 5\n", "10\n", "-1 1\n", "0\n");
        String twoOfThree = fenced("a, b = map(int, input().split())\nprint(a + b if a > 0 else 7)");
        assertEquals(0.0, score(verifier(Map.of()), p, twoOfThree).score());
        assertEquals(1.0, score(verifier(Map.of("pass_threshold", 0.6)), p, twoOfThree).score());
        assertEquals(0.0, score(verifier(Map.of("reward", "pass_rate", "pass_threshold", 0.9)), p, twoOfThree).score());
        assertEquals(1.0, score(verifier(Map.of()), p, fenced("a, b = map(int, input().split())\nprint(a + b)"))
                .score());
    }

    @Test
    void aRuntimeErrorOrCompileErrorIsAWrongProgramNotAnError() throws Exception {
        Prompt p = stdinPrompt("1 2\n", "3\n");
        Reward crash = score(verifier(Map.of()), p, fenced("raise SystemExit(3)"));
        assertEquals(Reward.Status.OK, crash.status());
        assertEquals(0.0, crash.score());
        assertEquals(List.of("RuntimeError"), crash.info().get("verdicts"));
        Reward syntax = score(verifier(Map.of()), p, fenced("def (:"));
        assertEquals(0.0, syntax.score(), syntax.toString());
    }

    @Test
    void aResponseWithoutCodeScoresPerOption() throws Exception {
        Prompt p = stdinPrompt("1 2\n", "3\n");
        Reward zero = score(verifier(Map.of()), p, "I think the answer is 3.");
        assertEquals(Reward.Status.OK, zero.status());
        assertEquals(0.0, zero.score());
        assertEquals("no_code", zero.info().get("outcome"));
        Reward unparseable = score(verifier(Map.of("no_code_block", "unparseable")), p, "I think the answer is 3.");
        assertEquals(Reward.Status.UNPARSEABLE, unparseable.status());
        assertNull(unparseable.score());
        Reward whole = score(verifier(Map.of("no_code_block", "whole_response")), p,
                "<think>easy</think>a, b = map(int, input().split())\nprint(a + b)\n");
        assertEquals(1.0, whole.score(), whole.toString());
    }

    @Test
    void aSandboxThatIsDownGivesErrorWithNoScore() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        RewardFunction f = RewardRegistry.discover().provider(CodeVerifier.NAME).create(Map.of("urls",
                List.of("http://127.0.0.1:" + closedPort), "max_attempts", 3, "deadline_s", 10),
                BasicRewardContext.empty());
        Reward r = score(f, stdinPrompt("1 2\n", "3\n"), fenced("print(3)"));
        assertEquals(Reward.Status.ERROR, r.status(), r.toString());
        assertNull(r.score(), "an unreachable sandbox must never read as a score");
        assertEquals("UNAVAILABLE", r.info().get("error_kind"), r.info().toString());
    }

    @Test
    void promptsWithoutTestsAreNotApplicableAndMalformedTestsUnparseable() throws Exception {
        RewardFunction f = verifier(Map.of());
        Reward na = score(f, new Prompt("m", "gsm8k", List.of(), Map.of("answer", "3"), Map.of()), "3");
        assertTrue(na.status() == Reward.Status.OK && na.score() == null, na.toString());
        Reward bad = score(f, new Prompt("b", "mbpp", List.of(), Map.of("tests", List.of(Map.of("x", 1))), Map.of()),
                fenced("pass"));
        assertEquals(Reward.Status.UNPARSEABLE, bad.status());
        assertTrue(String.valueOf(bad.info().get("error")).contains("tests[0]"), bad.info().toString());
    }

    @Test
    void providerRejectsUnknownOptionsAndMissingSandbox() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> verifier(
                Map.of("reward", "all_pass", "pass_treshold", 0.5)));
        assertTrue(typo.getMessage().contains("pass_treshold"), typo.getMessage());
        IllegalArgumentException noSandbox = assertThrows(IllegalArgumentException.class, () -> RewardRegistry
                .discover().provider(CodeVerifier.NAME).create(Map.of(), BasicRewardContext.empty()));
        assertTrue(noSandbox.getMessage().contains("urls"), noSandbox.getMessage());
        assertThrows(IllegalArgumentException.class, () -> verifier(Map.of("reward", "best_of")));
    }
}
