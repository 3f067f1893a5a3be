package dev.orl.rewards;

import dev.orl.model.sampling.Completion;

/**
 * A verifier or scorer that turns one completion of one prompt into a {@link Reward}; the seam researchers
 * implement to add their own reward.
 *
 * <p>Implementations must be thread-safe: the reward layer calls {@link #score} concurrently and enforces a hard
 * per-sample timeout around it, so an implementation need not (but may) police its own time.
 */
public interface RewardFunction {

    /** The name recipes use and metrics are reported under ({@code reward/<name>/mean}). */
    String name();

    /**
     * Whether this function judges prompts of the given data source when the recipe names no {@code data_sources}
     * for it; others get no component from it. Every source by default, so that a plug-in verifier needs only a
     * name and a score.
     */
    default boolean appliesTo(String dataSource) {
        return true;
    }

    /**
     * Whether the score depends only on the prompt and the response's text, tokens and finish reason, so that the
     * reward layer may score identical samples of one batch once and give each the same reward. Off by default: a
     * plug-in that samples (an LLM judge at a temperature) or reads log-probabilities keeps one call per sample.
     */
    default boolean deterministic() {
        return false;
    }

    /** Scores one completion. Returns a {@code null} score with a non-OK status rather than throwing when it can. */
    Reward score(Prompt prompt, Completion completion) throws Exception;
}
