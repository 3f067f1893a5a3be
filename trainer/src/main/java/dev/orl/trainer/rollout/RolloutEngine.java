package dev.orl.trainer.rollout;

import dev.orl.model.sampling.Completion;
import dev.orl.model.sampling.SamplingParams;
import dev.orl.rewards.Prompt;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Turns prompts into sampled completions: the seam between the trainer and whatever generates (the policy in this
 * process, or a remote inference server). Implementations must not record autograd graphs.
 */
public interface RolloutEngine {

    /**
     * Samples {@code n} completions for each prompt. The result is grouped: completions {@code i*n .. i*n+n-1} answer
     * prompt {@code i}. Completion {@code j} of the whole batch samples with seed {@code params.seed() + j}, so a
     * batch is reproducible from its base seed.
     */
    List<Completion> generate(List<Prompt> prompts, int n, SamplingParams params);

    /**
     * {@link #generate(List, int, SamplingParams)}, telling {@code progress} how many more completions are done as
     * they finish (a progress bar's counter). An engine that cannot tell reports the whole batch at the end.
     */
    default List<Completion> generate(List<Prompt> prompts, int n, SamplingParams params, LongConsumer progress) {
        List<Completion> out = generate(prompts, n, params);
        progress.accept(out.size());
        return out;
    }
}
