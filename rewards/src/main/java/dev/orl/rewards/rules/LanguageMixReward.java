package dev.orl.rewards.rules;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.util.Map;
import java.util.Optional;

/**
 * Language consistency (QwQ's known language mixing): the share of the response's letters written in a script other
 * than the prompt's dominant script, counted over prose only (see {@link Scripts#proseLetterCounts}).
 *
 * <p>As a {@code metric} the score is that share in [0, 1] (give it weight 0 to log
 * {@code reward/language_mix/mean}). As a {@code penalty} the score is {@code -share}, or, with a threshold,
 * {@code -1} when the share exceeds it and 0 otherwise. A prompt with no letters (pure formulas) or a response with
 * none gives "not applicable".
 *
 * <p>Limits: it sees scripts, not languages: English words in a French prompt's answer, or Chinese in a Japanese
 * answer, are not mixing by this measure; variable names outside {@code $…$} count as Latin letters.
 */
public final class LanguageMixReward implements RewardFunction {
    public static final String NAME = "language_mix";

    /** How the share becomes a score. */
    public enum Mode { METRIC, PENALTY }

    private final Mode mode;
    private final Double threshold;

    public LanguageMixReward(Mode mode, Double threshold) {
        if (threshold != null && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("language_mix: threshold must be in [0, 1], got " + threshold);
        }
        this.mode = mode;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reward score(Prompt prompt, Completion completion) {
        Optional<String> expected = Scripts.dominant(Scripts.proseLetterCounts(prompt.lastUserText()));
        if (expected.isEmpty()) {
            return Reward.notApplicable();
        }
        Map<String, Integer> counts = Scripts.proseLetterCounts(completion.text());
        int total = Scripts.total(counts);
        if (total == 0) {
            return Reward.notApplicable();
        }
        double share = 1.0 - (double) counts.getOrDefault(expected.get(), 0) / total;
        Map<String, Object> info = Map.of("prompt_script", expected.get(), "mix_ratio", share);
        if (mode == Mode.METRIC) {
            return Reward.ok(share, info);
        }
        double penalty = threshold == null ? -share : (share > threshold ? -1.0 : 0.0);
        return Reward.ok(penalty, info);
    }
}
