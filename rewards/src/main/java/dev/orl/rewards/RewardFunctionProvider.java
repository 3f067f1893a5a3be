package dev.orl.rewards;

import java.util.Map;

/**
 * Makes a {@link RewardFunction} from the options a recipe gives it. Providers are found by {@link #name()} through
 * {@link java.util.ServiceLoader} (a line in {@code META-INF/services/dev.orl.rewards.RewardFunctionProvider}), so a
 * researcher's verifier in its own jar is picked up with no change to orl.
 */
public interface RewardFunctionProvider {

    /** The name a recipe's {@code rewards:} list uses, e.g. {@code math_accuracy}. */
    String name();

    /**
     * Creates a configured reward function.
     *
     * @param options the recipe's options for this function (JSON-shaped values); unknown keys should be rejected
     *     with an {@link IllegalArgumentException} that names them
     */
    RewardFunction create(Map<String, Object> options, RewardContext context);

    /**
     * Checks the options before any training starts, so that a mistyped option fails before the stages ahead of the
     * one that uses it have run. The default creates the function and closes it; override it when creating is
     * expensive or needs files an earlier stage of the run writes (a reward model trained in the same run).
     *
     * @throws IllegalArgumentException naming the problem, as {@link #create} would
     */
    default void check(Map<String, Object> options, RewardContext context) {
        RewardFunction function = create(options, context);
        if (function instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("reward '" + name() + "': closing the checked function failed: "
                        + e.getMessage(), e);
            }
        }
    }
}
