package dev.orl.trainer.algo.advantage;

import java.util.List;

/**
 * Turns groups of scored responses (the n responses of one prompt form a group) into per-token advantages.
 *
 * <p>Responses without a usable score are excluded from every statistic and get zero advantages.
 */
public interface AdvantageEstimator {

    /** The name a recipe uses ({@code algorithm.advantage}). */
    String name();

    /** True when every response must carry the critic's values (GAE). */
    default boolean needsValues() {
        return false;
    }

    /**
     * True when every response must carry its score's weighted parts ({@link ScoredResponse#channels()}); without
     * them a response is one channel, its score at weight 1.
     */
    default boolean needsChannels() {
        return false;
    }

    /** The fewest responses per prompt that carry a signal (2 for estimators with a group baseline). */
    default int minGroupSize() {
        return 1;
    }

    /** Computes advantages for all responses of all groups; the result is flat, in input order. */
    AdvantageResult estimate(List<List<ScoredResponse>> groups);

    /** The responses of all groups, flattened in order. */
    static List<ScoredResponse> flatten(List<List<ScoredResponse>> groups) {
        return groups.stream().flatMap(List::stream).toList();
    }
}
