package dev.orl.trainer.rollout;

import dev.orl.model.device.NoGrad;
import dev.orl.model.sampling.Completion;
import dev.orl.model.sampling.Sampler;
import dev.orl.model.sampling.SamplingParams;
import dev.orl.rewards.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The default {@link RolloutEngine}: runs the live policy in this process with the KV-cache {@link Sampler}, grad
 * mode off on the calling thread, in chunks of at most {@code maxBatch} sequences to bound cache memory.
 */
public final class LocalRolloutEngine implements RolloutEngine {

    private final Policy policy;
    private final Sampler sampler;
    private final int maxBatch;

    /** {@code maxBatch}: sequences decoded together at most. */
    public LocalRolloutEngine(Policy policy, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.policy = policy;
        this.sampler = new Sampler(policy.model(), policy.tokenizer());
        this.maxBatch = maxBatch;
    }

    @Override
    public List<Completion> generate(List<Prompt> prompts, int n, SamplingParams params) {
        return generate(prompts, n, params, done -> {});
    }

    /** Reports each decoded chunk of at most {@code maxBatch} completions as it finishes. */
    @Override
    public List<Completion> generate(List<Prompt> prompts, int n, SamplingParams params, LongConsumer progress) {
        List<int[]> inputs = new ArrayList<>(prompts.size() * n);
        for (Prompt prompt : prompts) {
            int[] ids = policy.promptIds(prompt);
            for (int k = 0; k < n; k++) {
                inputs.add(ids);
            }
        }
        List<Completion> out = new ArrayList<>(inputs.size());
        try (NoGrad noGrad = NoGrad.enter()) {
            for (int from = 0; from < inputs.size(); from += maxBatch) {
                int to = Math.min(inputs.size(), from + maxBatch);
                long[] seeds = new long[to - from];
                for (int j = from; j < to; j++) {
                    seeds[j - from] = params.seed() + j;
                }
                out.addAll(sampler.generate(inputs.subList(from, to), params, seeds));
                progress.accept(to - from);
            }
        }
        return out;
    }
}
