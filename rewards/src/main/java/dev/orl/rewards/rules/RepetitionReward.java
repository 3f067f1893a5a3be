package dev.orl.rewards.rules;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.util.Map;

/**
 * The repetition-loop detector (QwQ's endless repetition) as a reward: in {@code metric} mode the score is the share
 * of the response covered by a tail loop (0 without one; log it with weight 0); in {@code penalty} mode it is
 * {@code -penalty} when a loop is found and 0 otherwise.
 *
 * <p>Runs on response token ids; a completion known only by text is scanned by code point with the limits scaled by
 * {@value #CHARS_PER_TOKEN} (a rough characters-per-token figure). Loops whose copies differ (a counter that increments
 * each time) are not found.
 */
public final class RepetitionReward implements RewardFunction {
    public static final String NAME = "repetition";
    static final int CHARS_PER_TOKEN = 4;

    /** How a found loop becomes a score. */
    public enum Mode { METRIC, PENALTY }

    private final Mode mode;
    private final double penalty;
    private final RepetitionDetector tokens;
    private final RepetitionDetector chars;

    /** Limits in tokens: block length up to {@code maxPeriod}, {@code minRepeats} copies covering {@code minSpan}. */
    public RepetitionReward(Mode mode, double penalty, int maxPeriod, int minRepeats, int minSpan, int window) {
        this.mode = mode;
        this.penalty = penalty;
        this.tokens = new RepetitionDetector(maxPeriod, minRepeats, minSpan, window);
        this.chars = new RepetitionDetector(maxPeriod * CHARS_PER_TOKEN, minRepeats, minSpan * CHARS_PER_TOKEN,
                window * CHARS_PER_TOKEN);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reward score(Prompt prompt, Completion completion) {
        boolean byToken = completion.responseIds().length > 0;
        int[] units = byToken ? completion.responseIds() : completion.text().codePoints().toArray();
        var loop = (byToken ? tokens : chars).detect(units);
        if (loop.isEmpty()) {
            return Reward.ok(0.0, Map.of("loop", false));
        }
        double ratio = (double) loop.get().span() / units.length;
        Map<String, Object> info = Map.of("loop", true, "period", loop.get().period(), "repeats",
                loop.get().repeats(), "ratio", ratio, "unit", byToken ? "tokens" : "chars");
        return Reward.ok(mode == Mode.METRIC ? ratio : -penalty, info);
    }
}
