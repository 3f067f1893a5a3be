package dev.orl.trainer.algo.advantage;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One response as the advantage estimators see it: its outcome score, its per-token rewards and, for GAE, the
 * critic's per-token values.
 *
 * @param score the outcome score; {@code null} when the reward could not be judged (the response is then excluded)
 * @param tokenRewards one reward per response token: the score on the last token plus any per-token shaping (such as
 *     {@code -β·KL} when KL is applied in the reward); its length is the response length
 * @param values the critic's value per response token, or {@code null} when no critic runs
 * @param channels the score's weighted parts by name (one per reward function, or per instruction of an IFEval
 *     reward), for estimators that normalise each part on its own; empty when none were attached
 */
public record ScoredResponse(Double score, double[] tokenRewards, double[] values, Map<String, Channel> channels) {

    /** One part of the score: its value and the weight it is summed with. */
    public record Channel(double value, double weight) {}

    public ScoredResponse {
        Objects.requireNonNull(tokenRewards, "tokenRewards");
        channels = channels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        if (values != null && values.length != tokenRewards.length) {
            throw new IllegalArgumentException("values has " + values.length + " entries but the response has "
                    + tokenRewards.length + " tokens");
        }
    }

    public ScoredResponse(Double score, double[] tokenRewards, double[] values) {
        this(score, tokenRewards, values, Map.of());
    }

    /** A response whose only reward is its outcome score, placed on its last token. */
    public static ScoredResponse outcome(Double score, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        double[] rewards = new double[length];
        if (score != null && length > 0) {
            rewards[length - 1] = score;
        }
        return new ScoredResponse(score, rewards, null);
    }

    /** This response with the critic's per-token values attached. */
    public ScoredResponse withValues(double[] perTokenValues) {
        return new ScoredResponse(score, tokenRewards, perTokenValues.clone(), channels);
    }

    /** This response with the parts of its score attached, in iteration order. */
    public ScoredResponse withChannels(Map<String, Channel> parts) {
        return new ScoredResponse(score, tokenRewards, values, parts);
    }

    /** This response with {@code coef * penalty[t]} subtracted from each token's reward (KL in the reward). */
    public ScoredResponse withTokenPenalty(double[] penalty, double coef) {
        if (penalty.length != tokenRewards.length) {
            throw new IllegalArgumentException("penalty has " + penalty.length + " entries but the response has "
                    + tokenRewards.length + " tokens");
        }
        double[] shaped = tokenRewards.clone();
        for (int t = 0; t < shaped.length; t++) {
            shaped[t] -= coef * penalty[t];
        }
        return new ScoredResponse(score, shaped, values, channels);
    }

    /** Response length in tokens. */
    public int length() {
        return tokenRewards.length;
    }

    /** True when the score may enter advantage computation. */
    public boolean usable() {
        return score != null;
    }

    /** The sequence-level reward: the sum of the token rewards (the score when no shaping was applied). */
    public double total() {
        double sum = 0;
        for (double r : tokenRewards) {
            sum += r;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredResponse other
                && Objects.equals(score, other.score)
                && Arrays.equals(tokenRewards, other.tokenRewards)
                && Arrays.equals(values, other.values)
                && channels.equals(other.channels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, Arrays.hashCode(tokenRewards), Arrays.hashCode(values), channels);
    }

    @Override
    public String toString() {
        return "ScoredResponse[score=" + score + ", length=" + length() + "]";
    }
}
