package dev.orl.rewards.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.rewards.Reward;
import dev.orl.rewards.code.CodeReference;
import dev.orl.rewards.code.CodeVerifier;
import dev.orl.rewards.code.CodeVerifierConfig;
import dev.orl.rewards.code.ExtractedProgram;
import dev.orl.rewards.code.LocalSandbox;
import dev.orl.rewards.registry.RewardOptions;
import dev.orl.sandbox.client.SandboxClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orl verify code}: JSONL cases on stdin (a program or a model response plus tests), judged in a sandbox
 * (the servers given with {@code --sandbox}, else one started in-process on loopback); one verdict line per input on
 * stdout, in input order; a summary goes to stderr.
 */
@Command(name = "code", mixinStandardHelpOptions = true,
        // The first line alone is the summary in "orl verify --help", so it is a whole sentence.
        description = {"Judge programs or model responses against tests in the sandbox; one JSON verdict per input"
                + " line.",
            "Reads JSONL lines from stdin:",
            "  {\"id\"?, \"language\"?, \"code\": PROGRAM | \"completion\": MODEL_RESPONSE, \"tests\": [{\"stdin\","
                    + " \"expected_stdout\"} | {\"assert_code\"}], \"entry_point\"?, \"setup_code\"?,"
                    + " \"prompt_code\"?}",
            "(a completion has its program extracted: text after </think>, last fenced block in the language)."
                    + " Writes one JSON line per input to stdout: {\"id\", \"status\": OK|UNPARSEABLE|ERROR|bad_input,"
                    + " \"score\", \"acc\", \"pass_rate\", \"passed\", \"total\", \"verdicts\","
                    + " \"first_failure\", ...}."
                    + " ERROR means the sandbox could not judge (score null). Exit code 1 if a line was bad input or"
                    + " could not be judged."})
public final class VerifyCodeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(VerifyCodeCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Verdict fields in reading order (the reward's info map has none). */
    private static final List<String> INFO_ORDER = List.of("outcome", "acc", "pass_rate", "passed", "total",
            "verdicts", "first_failure", "language", "extraction", "cpu_s", "error_kind", "error");
    private static final JsonlVerdictLoop.Format FORMAT = new JsonlVerdictLoop.Format("id",
            JsonlVerdictLoop.fields("status", "bad_input", "score", null),
            JsonlVerdictLoop.fields("status", "ERROR", "score", null));

    @Option(names = "--sandbox", paramLabel = "URL", description = "sandbox server(s) to use (repeatable); default:"
            + " start one in-process on loopback")
    private List<URI> sandboxes = new ArrayList<>();

    @Option(names = "--workers", description = "concurrent runs of the in-process server (default: twice the core"
            + " count, as in orl sandbox serve)")
    private Integer workers;

    @Option(names = "--reward", defaultValue = "all_pass",
            description = "all_pass or pass_rate (default: ${DEFAULT-VALUE})")
    private String reward;

    @Option(names = "--pass-threshold", description = "pass rate below which the score is 0 (default: 1 for all_pass,"
            + " 0 for pass_rate)")
    private Double threshold;

    @Option(names = "--compare", defaultValue = "trailing_ws", description = "stdout comparison: exact, trailing_ws or"
            + " tokens (default: ${DEFAULT-VALUE})")
    private String compare;

    @Option(names = "--float-tol", description = "numeric tolerance of --compare tokens")
    private Double floatTol;

    @Option(names = "--cpu-s", description = "CPU seconds per test (default: the sandbox's, 4)")
    private Double cpuS;

    @Option(names = "--memory-mb", description = "memory per test (default: the sandbox's, 512)")
    private Integer memoryMb;

    @Option(names = "--no-code-block", defaultValue = "zero", description = "a completion without a code block:"
            + " zero, unparseable or whole_response (default: ${DEFAULT-VALUE})")
    private String noCodeBlock;

    @Option(names = "--concurrency", defaultValue = "4",
            description = "cases judged at once (default: ${DEFAULT-VALUE})")
    private int concurrency;

    private final InputStream in;
    private final PrintStream out;

    public VerifyCodeCommand() {
        this(System.in, System.out);
    }

    /** A command reading {@code in} and writing verdicts to {@code out} (tests run it in-process). */
    public VerifyCodeCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        JsonlVerdictLoop loop = new JsonlVerdictLoop(FORMAT, concurrency);
        CodeVerifierConfig config = CodeVerifierConfig.fromOptions(RewardOptions.of(CodeVerifier.NAME, options()));
        LocalSandbox local = null;
        List<URI> urls = sandboxes;
        if (urls.isEmpty()) {
            local = LocalSandbox.start(workers);
            urls = List.of(local.uri());
            LOG.info("verify code: started an in-process sandbox at {}", local.uri());
        }
        try (SandboxClient client = SandboxClient.builder().urls(urls).build()) {
            CodeVerifier verifier = new CodeVerifier(config, client);
            Summary summary = new Summary();
            loop.run(in, out, node -> verdict(verifier, node), summary::add);
            LOG.info("verify code: {}", summary);
            return summary.bad + summary.errors == 0 ? 0 : 1;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private Map<String, Object> options() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("reward", reward);
        o.put("compare", compare);
        o.put("no_code_block", noCodeBlock);
        if (threshold != null) {
            o.put("pass_threshold", threshold);
        }
        if (floatTol != null) {
            o.put("float_tol", floatTol);
        }
        if (cpuS != null) {
            o.put("cpu_s", cpuS);
        }
        if (memoryMb != null) {
            o.put("memory_mb", memoryMb);
        }
        return o;
    }

    private static Map<String, Object> verdict(CodeVerifier verifier, JsonNode node) {
        Map<String, Object> fields = JSON.convertValue(node, new TypeReference<Map<String, Object>>() {});
        CodeReference reference = CodeReference.from(fields).orElseThrow(
                () -> new IllegalArgumentException("missing \"tests\""));
        Object code = fields.get("code");
        Object completion = fields.get("completion");
        if ((code == null) == (completion == null)) {
            throw new IllegalArgumentException("give exactly one of \"code\" (a program) and \"completion\""
                    + " (a model response)");
        }
        if (!(code == null ? completion : code).getClass().equals(String.class)) {
            throw new IllegalArgumentException("\"code\" and \"completion\" must be strings");
        }
        Reward r = code != null
                ? verifier.judgeProgram(reference, new ExtractedProgram(reference.language(), (String) code, "given"))
                : verifier.judge(reference, (String) completion);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", r.status().name());
        result.put("score", r.score());
        for (String key : INFO_ORDER) {
            if (r.info().containsKey(key)) {
                result.put(key, r.info().get(key));
            }
        }
        new TreeMap<>(r.info()).forEach(result::putIfAbsent);
        return result;
    }

    /** Counts for the stderr summary. */
    private static final class Summary {
        int lines;
        int bad;
        int errors;
        int scored;
        double total;

        void add(Map<String, Object> result) {
            lines++;
            Object status = result.get("status");
            if ("bad_input".equals(status)) {
                bad++;
            } else if (!"OK".equals(status) && !"UNPARSEABLE".equals(status)) {
                errors++;
            }
            if (result.get("score") instanceof Double d) {
                scored++;
                total += d;
            }
        }

        @Override
        public String toString() {
            return String.format("%d cases, %d bad input, %d not judged (sandbox errors), mean score %.4f over %d",
                    lines, bad, errors, scored == 0 ? Double.NaN : total / scored, scored);
        }
    }
}
