package dev.orl.trainer.rollout;

import dev.orl.eval.bench.PolicyGenerator;
import dev.orl.model.sampling.Completion;
import dev.orl.model.sampling.SamplingParams;
import dev.orl.rewards.Prompt;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The default {@link RolloutEngine}: runs the live policy in this process through the same {@link PolicyGenerator}
 * as {@code orl eval}, in chunks of at most {@code maxBatch} sequences to bound cache memory.
 */
public final class LocalRolloutEngine implements RolloutEngine {

    private final PolicyGenerator generator;

    /** {@code maxBatch}: sequences decoded together at most. */
    public LocalRolloutEngine(Policy policy, int maxBatch) {
        this.generator = new PolicyGenerator(policy.model(), policy.tokenizer(), policy.template(), maxBatch);
    }

    @Override
    public List<Completion> generate(List<Prompt> prompts, int n, SamplingParams params) {
        return generator.generate(prompts, n, params);
    }

    /** Reports each decoded chunk of at most {@code maxBatch} completions as it finishes. */
    @Override
    public List<Completion> generate(List<Prompt> prompts, int n, SamplingParams params, LongConsumer progress) {
        return generator.generate(prompts, n, params, progress);
    }
}
