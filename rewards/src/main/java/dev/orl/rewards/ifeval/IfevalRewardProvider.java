package dev.orl.rewards.ifeval;

import dev.orl.rewards.RewardContext;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.RewardFunctionProvider;
import dev.orl.rewards.registry.RewardOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provides {@code ifeval}; options {@code level} ({@code prompt}: 0/1, {@code instruction}: fraction followed, or
 * {@code graded}: that fraction with partial credit for near misses),
 * {@code loose} (false: strict scoring), {@code strip_think} (true: judge only the text after {@code </think>}) and
 * {@code sources} (default {@link IfevalReward#DEFAULT_SOURCES}; {@code *} for any source).
 */
public final class IfevalRewardProvider implements RewardFunctionProvider {
    @Override
    public String name() {
        return IfevalReward.NAME;
    }

    @Override
    public RewardFunction create(Map<String, Object> options, RewardContext context) {
        RewardOptions read = RewardOptions.of(name(), options);
        IfevalReward.Level level = read.choice("level", IfevalReward.Level.PROMPT);
        boolean loose = read.booleanValue("loose", false);
        boolean stripThink = read.booleanValue("strip_think", true);
        Set<String> sources = Set.copyOf(read.stringList("sources", List.copyOf(IfevalReward.DEFAULT_SOURCES)));
        read.rejectUnknown();
        return new IfevalReward(new IfevalEvaluator(), level, loose, stripThink, sources);
    }
}
