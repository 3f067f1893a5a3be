package dev.orl.rewards.rm;

import dev.orl.rewards.RewardContext;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.RewardFunctionProvider;
import dev.orl.rewards.registry.RewardOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Provides {@code reward_model} ({@link RewardModelScorer}). Options: {@code path} (required, relative to the
 * recipe's folder), {@code tokenizer}, {@code device}, {@code template} ({@code plain}|{@code qwen25}),
 * {@code generation_prefix}, {@code response_end}, {@code label}, {@code batch_size}, {@code max_wait_ms},
 * {@code max_length},
 * {@code normalize} ({@code none}|{@code standardize}|{@code sigmoid}) with {@code mean} and {@code std},
 * {@code sources}; see {@link RewardModelConfig}.
 */
public final class RewardModelProvider implements RewardFunctionProvider {

    @Override
    public String name() {
        return RewardModelScorer.NAME;
    }

    @Override
    public RewardFunction create(Map<String, Object> options, RewardContext context) {
        RewardModelConfig config = RewardModelConfig.fromOptions(RewardOptions.of(name(), options), context);
        try {
            return RewardModelScorer.load(config);
        } catch (IOException e) {
            throw new UncheckedIOException("reward 'reward_model': cannot load " + config.checkpoint() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Reads the options without loading the model, which an earlier stage of the same run may still have to train. */
    @Override
    public void check(Map<String, Object> options, RewardContext context) {
        RewardModelConfig.fromOptions(RewardOptions.of(name(), options), context);
    }
}
