package dev.orl.rewards.code;

import dev.orl.rewards.registry.RewardOptions;
import dev.orl.rewards.registry.SourcePatterns;
import dev.orl.sandbox.protocol.CompareMode;
import dev.orl.sandbox.protocol.CompareSpec;
import dev.orl.sandbox.protocol.Limits;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Options of the {@code code_exec} verifier, with their defaults in one place.
 *
 * @param sources data sources it applies to ({@code *} any; an entry ending in {@code /} is a prefix); prompts
 *     without {@code reference.tests} are not applicable either way
 * @param passRate false: score 1 when the pass rate reaches {@code threshold}, else 0 (all-pass, as DeepCoder and
 *     PRIME reward); true: score the pass rate itself, 0 below {@code threshold} (verl, open-r1)
 * @param threshold the pass rate below which the score is 0 (default 1 for all-pass, 0 for pass rate)
 * @param noCode what a response without a usable code block gets
 * @param compare how stdout is compared with the expected output
 * @param limits per-test CPU, wall, memory and output limits
 * @param stopOnFirstFailure skip the remaining tests after a failure (default: on for all-pass at threshold 1,
 *     where the rest cannot change the score; off otherwise)
 * @param testsShareProcess run a response's assert tests in one sandbox run, as HumanEval's and MBPP's own harnesses
 *     do (default on: one sandbox start per response instead of per test, with per-test limits kept); off gives
 *     each test a fresh process, so tests cannot see state the program kept from an earlier one
 * @param urls sandbox servers to use when the host provides no {@code SandboxClient}
 * @param deadline per-request deadline of a client built from {@code urls}
 * @param maxAttempts attempts per request of a client built from {@code urls} (retries on 429/503/connection errors)
 */
public record CodeVerifierConfig(Set<String> sources, boolean passRate, double threshold, NoCode noCode,
        CompareSpec compare, Limits limits, boolean stopOnFirstFailure, boolean testsShareProcess, List<URI> urls,
        Duration deadline, int maxAttempts) {

    /** What a response without a usable fenced code block scores. */
    public enum NoCode {
        /** Score 0 (status OK): writing no program is the policy's failure, and RL should see it. */
        ZERO,
        /** Score null with status UNPARSEABLE: excluded from advantages and counted. */
        UNPARSEABLE,
        /** Judge the whole answer (after {@code </think>}) as the program: completion-style prompts. */
        WHOLE_RESPONSE
    }

    public CodeVerifierConfig {
        sources = Set.copyOf(sources);
        urls = List.copyOf(urls);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("reward 'code_exec': option 'pass_threshold' must be in [0, 1], got "
                    + threshold);
        }
        if (deadline.isNegative() || deadline.isZero() || maxAttempts < 1) {
            throw new IllegalArgumentException("reward 'code_exec': deadline_s and max_attempts must be positive");
        }
    }

    /** All-pass scoring, default limits, any source, no URLs (the host's client). */
    public static CodeVerifierConfig defaults() {
        return new CodeVerifierConfig(Set.of("*"), false, 1.0, NoCode.ZERO, CompareSpec.defaults(), Limits.defaults(),
                true, true, List.of(), Duration.ofSeconds(60), 6);
    }

    /** Reads recipe options; unknown keys are rejected by name. */
    public static CodeVerifierConfig fromOptions(RewardOptions o) {
        boolean passRate = o.choice("reward", "all_pass", List.of("all_pass", "pass_rate")).equals("pass_rate");
        double threshold = o.doubleValue("pass_threshold", passRate ? 0.0 : 1.0);
        NoCode noCode = o.choice("no_code_block", NoCode.ZERO);
        CompareMode mode = CompareMode.parse(o.choice("compare", "trailing_ws",
                List.of("exact", "trailing_ws", "tokens")));
        Double floatTol = o.optionalDouble("float_tol").orElse(null);
        Limits limits = new Limits(o.optionalDouble("cpu_s").orElse(null), o.optionalDouble("wall_s").orElse(null),
                o.optionalInt("memory_mb").orElse(null), null);
        boolean stop = o.booleanValue("stop_on_first_failure", !passRate && threshold >= 1.0);
        boolean share = o.booleanValue("tests_share_process", true);
        List<URI> urls = o.stringList("urls", List.of()).stream().map(URI::create).toList();
        Duration deadline = Duration.ofMillis((long) (o.doubleValue("deadline_s", 60) * 1000));
        int attempts = o.intValue("max_attempts", 6);
        Set<String> sources = Set.copyOf(o.stringList("sources", List.of(SourcePatterns.ANY)));
        o.rejectUnknown();
        return new CodeVerifierConfig(sources, passRate, threshold, noCode, new CompareSpec(mode, floatTol), limits,
                stop, share, urls, deadline, attempts);
    }

    /** Whether prompts of {@code dataSource} are judged. */
    public boolean appliesTo(String dataSource) {
        return SourcePatterns.matches(sources, dataSource);
    }

    /** The reward for a judged pass rate. */
    public double score(double rate, boolean allPassed) {
        if (rate < threshold) {
            return 0.0;
        }
        if (passRate) {
            return rate;
        }
        return threshold >= 1.0 ? (allPassed ? 1.0 : 0.0) : 1.0;
    }
}
