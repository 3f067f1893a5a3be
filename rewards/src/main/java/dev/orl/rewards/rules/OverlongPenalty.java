package dev.orl.rewards.rules;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.util.Map;

/**
 * DAPO's soft overlong punishment: 0 up to {@code maxLength - buffer}, then falling linearly to {@code -factor} at
 * {@code maxLength}, and {@code -factor} beyond it.
 *
 * <p>Length is the response's token count ({@link Completion#responseIds()}). A completion known only by its text
 * (no ids: {@code orl verify}, imported rollouts) is measured in characters instead, so {@code maxLength} and
 * {@code buffer} are then read as characters; {@code info.length_unit} says which unit was used.
 */
public final class OverlongPenalty implements RewardFunction {
    public static final String NAME = "overlong";

    private final int maxLength;
    private final int buffer;
    private final double factor;

    public OverlongPenalty(int maxLength, int buffer, double factor) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("overlong: max_length must be positive, got " + maxLength);
        }
        if (buffer < 1 || buffer > maxLength) {
            throw new IllegalArgumentException(
                    "overlong: buffer must be in [1, max_length=" + maxLength + "], got " + buffer);
        }
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("overlong: penalty_factor must be >= 0, got " + factor);
        }
        this.maxLength = maxLength;
        this.buffer = buffer;
        this.factor = factor;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reward score(Prompt prompt, Completion completion) {
        boolean tokens = completion.responseIds().length > 0;
        int length = tokens ? completion.responseIds().length : completion.text().length();
        return Reward.ok(penalty(length), Map.of("length", length, "length_unit", tokens ? "tokens" : "chars"));
    }

    /** The penalty for a response of {@code length} units. */
    public double penalty(int length) {
        int softStart = maxLength - buffer;
        if (length <= softStart) {
            return 0.0;
        }
        if (length > maxLength) {
            return -factor;
        }
        return (double) (softStart - length) / buffer * factor;
    }
}
