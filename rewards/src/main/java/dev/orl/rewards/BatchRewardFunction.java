package dev.orl.rewards;

import dev.orl.model.sampling.Completion;
import java.util.List;

/**
 * A reward function whose work batches (a reward model's forward pass): the reward layer hands it all of a batch's
 * samples routed to it in one call, in the batch's order, instead of one call per sample.
 *
 * <p>Because the call holds the whole batch, what shares a forward pass depends only on the samples, never on
 * which calls happened to arrive together, so a run repeats to the last digit. The call runs under one time
 * limit: the per-sample limit once for every {@code parallelism} samples it holds, as long as the same samples
 * could take one call at a time. When it overruns, every sample it holds is {@link Reward.Status#TIMEOUT}.
 */
public interface BatchRewardFunction extends RewardFunction {

    /**
     * Scores {@code completions.get(i)} against {@code prompts.get(i)} for every i. Returns one reward per sample, in
     * order; a wrong count or a thrown exception makes every sample of the call an {@link Reward.Status#ERROR}.
     */
    List<Reward> scoreBatch(List<Prompt> prompts, List<Completion> completions) throws Exception;
}
