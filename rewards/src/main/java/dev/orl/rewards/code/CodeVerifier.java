package dev.orl.rewards.code;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.sandbox.client.SandboxClient;
import dev.orl.sandbox.client.SandboxException;
import dev.orl.sandbox.protocol.JudgeRequest;
import dev.orl.sandbox.protocol.JudgeResponse;
import dev.orl.sandbox.protocol.TestVerdict;
import dev.orl.sandbox.protocol.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The code execution reward: extracts the program from the response ({@link ProgramExtractor}), assembles it with
 * the prompt's tests ({@link CodeReference}: HumanEval, MBPP or stdin/stdout), judges it in the sandbox through
 * {@code POST /v1/judge}, and scores all-pass or pass rate ({@link CodeVerifierConfig}).
 *
 * <p>A program that fails is a score (0, or its pass rate); the sandbox failing to judge is not: after the client's
 * retries it gives {@code score = null} with status {@code ERROR}, so infrastructure trouble never reads as a wrong
 * program. A response with no code block scores per {@code no_code_block} (default 0: the policy failed to answer);
 * malformed tests in the prompt give {@code UNPARSEABLE}. {@code info} carries {@code acc}, {@code pass_rate},
 * {@code passed}, {@code total}, the per-test {@code verdicts}, {@code language}, {@code extraction} and, when a
 * test failed, {@code first_failure}.
 *
 * <p>Thread-safe: the client is, and each call builds its own request.
 */
public final class CodeVerifier implements RewardFunction {

    /** The name recipes use. */
    public static final String NAME = "code_exec";
    private static final int MAX_DETAIL_CHARS = 300;

    private final CodeVerifierConfig config;
    private final SandboxClient client;

    public CodeVerifier(CodeVerifierConfig config, SandboxClient client) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(String dataSource) {
        return config.appliesTo(dataSource);
    }

    /** Identical samples get identical judgements: the same program against the same tests. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public Reward score(Prompt prompt, Completion completion) {
        CodeReference reference;
        try {
            Optional<CodeReference> found = CodeReference.from(prompt.reference());
            if (found.isEmpty()) {
                return Reward.notApplicable();
            }
            reference = found.get();
        } catch (IllegalArgumentException e) {
            return Reward.failed(Reward.Status.UNPARSEABLE, "prompt " + prompt.id() + ": " + e.getMessage());
        }
        return judge(reference, completion.text());
    }

    /** Judges a model response against {@code reference}. */
    public Reward judge(CodeReference reference, String response) {
        Optional<ExtractedProgram> program = ProgramExtractor.extract(response, reference.language());
        if (program.isPresent()) {
            return judgeProgram(reference, program.get());
        }
        return switch (config.noCode()) {
            case ZERO -> Reward.ok(0.0, Map.of("acc", false, "outcome", "no_code", "pass_rate", 0.0));
            case UNPARSEABLE -> new Reward(null, Map.of(), Map.of("outcome", "no_code"), Reward.Status.UNPARSEABLE);
            case WHOLE_RESPONSE -> judgeProgram(reference, ProgramExtractor.wholeResponse(response));
        };
    }

    /** Judges an already extracted program (a bare program is {@code new ExtractedProgram(lang, code, "given")}). */
    public Reward judgeProgram(CodeReference reference, ExtractedProgram program) {
        String language = reference.languageFor(program);
        JudgeRequest request = new JudgeRequest(language, reference.source(program), reference.tests(),
                reference.entryPoint(), reference.prelude(), config.compare(), config.limits(),
                config.stopOnFirstFailure(), null, config.testsShareProcess());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("language", language);
        info.put("extraction", program.source());
        JudgeResponse response;
        try {
            response = client.judge(request);
        } catch (SandboxException e) {
            info.put("outcome", "sandbox_error");
            info.put("error_kind", e.error().kind().name());
            info.put("error", e.getMessage());
            return new Reward(null, Map.of(), info, Reward.Status.ERROR);
        }
        info.put("outcome", "judged");
        info.put("acc", response.allPassed());
        info.put("pass_rate", response.passRate());
        info.put("passed", response.passed());
        info.put("total", response.total());
        info.put("verdicts", response.tests().stream().map(t -> t.verdict().name()).toList());
        info.put("cpu_s", response.cpuS());
        firstFailure(response.compile(), response.tests()).ifPresent(f -> info.put("first_failure", f));
        return Reward.ok(config.score(response.passRate(), response.allPassed()), info);
    }

    private static Optional<String> firstFailure(TestVerdict compile, List<TestVerdict> tests) {
        if (compile != null && compile.verdict() == Verdict.CompileError) {
            return Optional.of(describe(compile));
        }
        return tests.stream().filter(t -> t.verdict() != Verdict.Accepted && t.verdict() != Verdict.Skipped)
                .findFirst().map(CodeVerifier::describe);
    }

    private static String describe(TestVerdict t) {
        StringBuilder sb = new StringBuilder(t.index() < 0 ? "compile" : "test " + t.index());
        sb.append(": ").append(t.verdict());
        if (t.timeLimit() != null) {
            sb.append(" (").append(t.timeLimit()).append(')');
        }
        if (t.message() != null && !t.message().isBlank()) {
            sb.append(": ").append(t.message());
        } else if (t.stderr() != null && !t.stderr().isBlank()) {
            sb.append(": ").append(t.stderr().strip());
        }
        return sb.length() > MAX_DETAIL_CHARS ? sb.substring(0, MAX_DETAIL_CHARS) + "…" : sb.toString();
    }
}
