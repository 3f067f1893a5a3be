package dev.orl.rewards;

import java.util.Map;
import java.util.Objects;

/**
 * The verdict of one or more reward functions on one completion.
 *
 * @param score the reward; {@code null} means "not applicable" or "could not judge" and is excluded from advantages
 * @param components from a recipe's combined reward, the score of each contributing reward function by function name
 *     (and {@code <function>/<part>} for the parts a function reported); from one function, the parts its score is
 *     the mean of (IFEval's instructions, for example), or nothing
 * @param info verifier details worth logging (e.g. {@code acc}, {@code pred}, per-test verdicts); JSON-shaped values
 * @param status whether the score can be trusted; anything but {@link Status#OK} is counted, never silently 0
 */
public record Reward(Double score, Map<String, Double> components, Map<String, Object> info, Status status) {

    /** How the judging went; infrastructure failures are kept apart from a wrong answer. */
    public enum Status {
        /** Judged: {@code score} holds the verdict. */
        OK,
        /** The response (or gold) could not be parsed into something comparable. */
        UNPARSEABLE,
        /** The judge itself failed (sandbox down, exception): not the policy's fault. */
        ERROR,
        /** The judge ran out of its per-sample time budget. */
        TIMEOUT
    }

    public Reward {
        Objects.requireNonNull(status, "status");
        components = components == null ? Map.of() : Map.copyOf(components);
        info = info == null ? Map.of() : Map.copyOf(info);
    }

    public static Reward ok(double score, Map<String, Object> info) {
        return new Reward(score, Map.of(), info, Status.OK);
    }

    public static Reward notApplicable() {
        return new Reward(null, Map.of(), Map.of(), Status.OK);
    }

    public static Reward failed(Status status, String message) {
        return new Reward(null, Map.of(), Map.of("error", message), status);
    }

    /** True when this reward may enter advantage computation. */
    public boolean usable() {
        return status == Status.OK && score != null;
    }
}
