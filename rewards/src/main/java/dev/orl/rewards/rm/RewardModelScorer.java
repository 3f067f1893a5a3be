package dev.orl.rewards.rm;

import dev.orl.model.device.Devices;
import dev.orl.model.kernels.PlainKernels;
import dev.orl.model.sampling.Completion;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.model.tokenizer.Tokenizers;
import dev.orl.rewards.BatchRewardFunction;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The reward-model reward: scores prompt + response with a Qwen2 score-head checkpoint ({@link ScoringModel}).
 *
 * <p>The text is re-tokenized with the reward model's own tokenizer (it need not share the policy's), formatted as
 * orl's reward-model training formats preference pairs: the chat template's rendering of the prompt with the
 * generation prompt, then the response followed by {@code response_end} (default {@code <|im_end|>}), whose last
 * token is where the score is read. Prompts marked
 * {@code extra.template = raw} use their user text as is, as the rollout side does. Sequences longer than
 * {@code max_length} keep their last tokens.
 *
 * <p>The reward layer hands the scorer a whole batch at once ({@link BatchRewardFunction}): its rows are scored in
 * forward passes of at most {@code batch_size} rows of similar length, never mixed with other calls, so the scores
 * depend only on the batch and a run repeats to the last digit. Rows are left-padded and masked, so the batch size
 * changes a score only in its last bits (about 1e-9); those bits can still flip a sampled token later in RL, which
 * is why a recipe's figures hold for the batch size they were measured with. Single {@link #score} calls made
 * concurrently are gathered into passes as they arrive ({@link ScoreBatcher}), which depends on timing.
 * {@code info} carries {@code raw_score}, {@code tokens} and,
 * when cut, {@code truncated}. A failed forward pass gives status {@code ERROR} with no score.
 */
public final class RewardModelScorer implements BatchRewardFunction, AutoCloseable {

    /** The name recipes use. */
    public static final String NAME = "reward_model";

    private final RewardModelConfig config;
    private final Tokenizer tokenizer;
    private final ScoringModel model;
    private final ScoreBatcher batcher;

    /** A scorer over a loaded model and tokenizer; closing the scorer closes both. */
    public RewardModelScorer(RewardModelConfig config, ScoringModel model, Tokenizer tokenizer) {
        if (config.label() >= model.numLabels()) {
            throw new IllegalArgumentException("reward 'reward_model': label " + config.label() + " but the score head"
                    + " of " + config.checkpoint() + " has " + model.numLabels() + " output(s)");
        }
        this.config = config;
        this.tokenizer = tokenizer;
        this.model = model;
        this.batcher = new ScoreBatcher(model, tokenizer.padId(), config.batchSize(), config.maxWait());
    }

    /** Loads the checkpoint and tokenizer named by {@code config}. */
    public static RewardModelScorer load(RewardModelConfig config) throws IOException {
        Tokenizer tokenizer = Tokenizers.fromSpec(config.tokenizer());
        try {
            ScoringModel model = ScoringModel.load(config.checkpoint(), new PlainKernels(),
                    Devices.parse(config.device()));
            return new RewardModelScorer(config, model, tokenizer);
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(String dataSource) {
        return config.appliesTo(dataSource);
    }

    /** Identical samples get identical judgements: one forward pass over the prompt and response. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public Reward score(Prompt prompt, Completion completion) throws InterruptedException {
        int[] ids = tokens(prompt, completion.text());
        return reward(batcher.submit(kept(ids)), ids.length);
    }

    /** Scores completion {@code i} against prompt {@code i} as one batch, in as few passes as it takes. */
    @Override
    public List<Reward> scoreBatch(List<Prompt> prompts, List<Completion> completions) throws InterruptedException {
        if (prompts.size() != completions.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts for " + completions.size() + " responses");
        }
        List<int[]> ids = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            ids.add(tokens(prompts.get(i), completions.get(i).text()));
        }
        List<CompletableFuture<float[]>> futures = batcher.submitAll(ids.stream().map(this::kept).toList());
        List<Reward> out = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            out.add(reward(futures.get(i), ids.get(i).length));
        }
        return out;
    }

    /** The last {@code max_length} tokens: the score is read at the end. */
    private int[] kept(int[] ids) {
        return ids.length > config.maxLength() ? Arrays.copyOfRange(ids, ids.length - config.maxLength(), ids.length)
                : ids;
    }

    private Reward reward(CompletableFuture<float[]> future, int length) throws InterruptedException {
        float[] raw;
        try {
            raw = future.get();
        } catch (ExecutionException e) {
            return Reward.failed(Reward.Status.ERROR, "reward model forward pass failed: " + e.getCause());
        }
        double score = raw[config.label()];
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("raw_score", score);
        info.put("tokens", Math.min(length, config.maxLength()));
        if (length > config.maxLength()) {
            info.put("truncated", length - config.maxLength());
        }
        return Reward.ok(config.normalization().apply(score), info);
    }

    /** The token ids the model scores for {@code response} to {@code prompt}. */
    public int[] tokens(Prompt prompt, String response) {
        String context = "raw".equals(prompt.extra().get("template")) ? prompt.lastUserText()
                : config.template().render(prompt.messages(), true);
        int[] head = tokenizer.encode(context);
        int[] tail = tokenizer.encode(response + config.responseEnd());
        int[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    @Override
    public void close() {
        batcher.close();
        model.close();
        tokenizer.close();
    }
}
