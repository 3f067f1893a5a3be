package dev.orl.datasets.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orl.datasets.synthetic.SyntheticSplit;

/**
 * Settings of a synthetic source.
 *
 * @param seed generator seed (default 0); SFT and RL use the same seed safely since their splits are disjoint
 * @param count how many prompts to generate (default 1000)
 * @param split which part of the problem space: {@code sft}, {@code rl} (default) or {@code val}
 * @param minLevel easiest difficulty level (default 1)
 * @param maxLevel hardest difficulty level (default: {@code minLevel})
 * @param teacherErrorRate fraction of demonstrations (reference responses, what SFT imitates) replaced by a weaker
 *     teacher's flawed response, in [0, 1] (default 0); RL rewards still use the correct reference
 */
public record SyntheticSpec(
        @JsonProperty("seed") Long seed,
        @JsonProperty("count") Integer count,
        @JsonProperty("split") SyntheticSplit split,
        @JsonProperty("min_level") Integer minLevel,
        @JsonProperty("max_level") Integer maxLevel,
        @JsonProperty("teacher_error_rate") Double teacherErrorRate) {

    @JsonCreator
    public SyntheticSpec {
        seed = seed == null ? 0L : seed;
        count = count == null ? 1000 : count;
        split = split == null ? SyntheticSplit.RL : split;
        minLevel = minLevel == null ? 1 : minLevel;
        maxLevel = maxLevel == null ? minLevel : maxLevel;
        teacherErrorRate = teacherErrorRate == null ? 0.0 : teacherErrorRate;
        if (count < 0) {
            throw new IllegalArgumentException("synthetic count must be >= 0, got " + count);
        }
        if (!(teacherErrorRate >= 0.0 && teacherErrorRate <= 1.0)) {
            throw new IllegalArgumentException("synthetic teacher_error_rate must be in [0, 1], got " + teacherErrorRate);
        }
    }

    /** Settings without a teacher error rate (clean demonstrations). */
    public SyntheticSpec(Long seed, Integer count, SyntheticSplit split, Integer minLevel, Integer maxLevel) {
        this(seed, count, split, minLevel, maxLevel, null);
    }

    public static SyntheticSpec defaults() {
        return new SyntheticSpec(null, null, null, null, null, null);
    }
}
