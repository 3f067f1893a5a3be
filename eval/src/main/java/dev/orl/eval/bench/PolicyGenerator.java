package dev.orl.eval.bench;

import dev.orl.model.device.NoGrad;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.sampling.Completion;
import dev.orl.model.sampling.Sampler;
import dev.orl.model.sampling.SamplingParams;
import dev.orl.model.tokenizer.ChatTemplate;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.rewards.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Generates with a model in this process: renders each prompt with a {@link PromptEncoder}, then decodes with the
 * KV-cache sampler in chunks of at most {@code maxBatch} sequences, grad mode off on the calling thread. Completion
 * {@code j} of a call samples with seed {@code params.seed() + j}, so a batch is reproducible from its base seed.
 */
public final class PolicyGenerator implements Generator {

    private final PromptEncoder encoder;
    private final Sampler sampler;
    private final int maxBatch;

    public PolicyGenerator(Qwen2Model model, Tokenizer tokenizer, ChatTemplate template, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.encoder = new PromptEncoder(tokenizer, template);
        this.sampler = new Sampler(model, tokenizer);
        this.maxBatch = maxBatch;
    }

    /** The tokens that end a response: the tokenizer's end-of-turn and end-of-text ids. */
    public List<Integer> stopIds() {
        return encoder.stopIds();
    }

    @Override
    public List<Completion> generate(List<Prompt> prompts, int n, SamplingParams params) {
        return generate(prompts, n, params, done -> {});
    }

    /** {@link #generate(List, int, SamplingParams)}, telling {@code progress} the size of each chunk as it ends. */
    public List<Completion> generate(List<Prompt> prompts, int n, SamplingParams params, LongConsumer progress) {
        List<int[]> inputs = new ArrayList<>(prompts.size() * n);
        for (Prompt prompt : prompts) {
            int[] ids = encoder.encode(prompt);
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
