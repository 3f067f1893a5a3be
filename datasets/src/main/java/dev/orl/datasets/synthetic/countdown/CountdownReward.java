package dev.orl.datasets.synthetic.countdown;

import dev.orl.datasets.ReferenceKeys;
import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Countdown reward ({@code countdown}): 1 for a correct equation, {@code formatScore} for a well-formed
 * {@code <answer>} that is wrong or misuses the numbers (TinyZero gives 0.1), 0 for no or an unparseable answer.
 * It lives next to its generator because {@code rewards} cannot depend on {@code datasets}.
 */
public final class CountdownReward implements RewardFunction {

    /** The name recipes use. */
    public static final String NAME = "countdown";

    private final double formatScore;
    private final Set<String> sources;

    public CountdownReward(double formatScore, Set<String> sources) {
        if (!(formatScore >= 0 && formatScore <= 1)) {
            throw new IllegalArgumentException("countdown format_score must be in [0, 1], got " + formatScore);
        }
        this.formatScore = formatScore;
        this.sources = Set.copyOf(sources);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(String dataSource) {
        return sources.contains(dataSource);
    }

    /** Identical samples get identical judgements: the expression against the numbers. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public Reward score(Prompt prompt, Completion completion) {
        Object target = prompt.reference().get(ReferenceKeys.TARGET);
        Object numbers = prompt.reference().get(ReferenceKeys.NUMBERS);
        if (!(target instanceof Number t) || !(numbers instanceof List<?> list)
                || !list.stream().allMatch(Number.class::isInstance)) {
            return Reward.failed(Reward.Status.UNPARSEABLE, "prompt " + prompt.id()
                    + " lacks integer 'target' and a list of integer 'numbers' in its reference");
        }
        @SuppressWarnings("unchecked")
        List<Number> given = (List<Number>) list;
        CountdownCheck.Verdict verdict = CountdownCheck.judge(completion.text(), given, t.longValue());
        double score = switch (verdict) {
            case CORRECT -> 1.0;
            case WRONG_VALUE, WRONG_NUMBERS -> formatScore;
            case UNPARSEABLE, NO_ANSWER -> 0.0;
        };
        return Reward.ok(score, Map.of("acc", verdict == CountdownCheck.Verdict.CORRECT,
                "verdict", verdict.name().toLowerCase(Locale.ROOT)));
    }
}
