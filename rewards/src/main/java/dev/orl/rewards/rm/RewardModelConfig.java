package dev.orl.rewards.rm;

import dev.orl.model.tokenizer.ChatTemplate;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.rewards.RewardContext;
import dev.orl.rewards.registry.RewardOptions;
import dev.orl.rewards.registry.SourcePatterns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Options of the {@code reward_model} scorer, with the defaults in one place.
 *
 * @param checkpoint the reward-model checkpoint directory (HF layout: config.json, safetensors with score.weight)
 * @param tokenizer the tokenizer directory, or {@code char} for orl's char tokenizer (default: the checkpoint's)
 * @param device {@code cpu}, {@code gpu:N} or {@code auto}
 * @param template the chat template that formats prompt + response (it must match the one the model was trained
 *     with)
 * @param responseEnd text after the response, whose last token is where the score is read: {@code <|im_end|>} as
 *     orl's reward-model training writes pairs; {@code "<|im_end|>\n"} for HF reward models trained on
 *     {@code apply_chat_template} output
 * @param label which output of a multi-label score head is the reward
 * @param batchSize most sequences per forward pass
 * @param maxWait how long a forward pass of single {@code score} calls waits for more to fill it (a batch handed
 *     over by the reward layer never waits)
 * @param maxLength longer sequences keep their last this-many tokens (the score is read at the end)
 * @param normalization raw score to reward
 * @param sources data sources it applies to ({@code *} any; an entry ending in {@code /} is a prefix)
 */
public record RewardModelConfig(Path checkpoint, String tokenizer, String device, ChatTemplate template,
        String responseEnd, int label, int batchSize, Duration maxWait, int maxLength, Normalization normalization,
        Set<String> sources) {

    public RewardModelConfig {
        sources = Set.copyOf(sources);
        if (label < 0 || batchSize < 1 || maxLength < 2 || maxWait.isNegative()) {
            throw new IllegalArgumentException("reward 'reward_model': label must be >= 0, batch_size >= 1, "
                    + "max_length >= 2 and max_wait_ms >= 0; got " + label + ", " + batchSize + ", " + maxLength
                    + ", " + maxWait.toMillis());
        }
    }

    /** Defaults for a checkpoint: its own tokenizer, CPU, plain ChatML, batches of 8, raw scores. */
    public static RewardModelConfig defaults(Path checkpoint) {
        return new RewardModelConfig(checkpoint, checkpoint.toString(), "cpu", ChatTemplate.plain(), Tokenizer.IM_END,
                0, 8, Duration.ofMillis(5), 4096, Normalization.none(), Set.of("*"));
    }

    /** Reads recipe options; relative paths resolve against the context's base folder; unknown keys are rejected. */
    public static RewardModelConfig fromOptions(RewardOptions o, RewardContext context) {
        String path = o.string("path", null);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("reward 'reward_model': option 'path' (the reward-model checkpoint "
                    + "directory) is required");
        }
        Path checkpoint = context.baseDir().resolve(path).normalize();
        String tokenizer = o.string("tokenizer", null);
        tokenizer = tokenizer == null ? checkpoint.toString()
                : tokenizer.equals("char") ? tokenizer : context.baseDir().resolve(tokenizer).normalize().toString();
        String device = o.string("device", "cpu");
        String templateName = o.choice("template", "plain", List.of("plain", "qwen25"));
        String prefix = o.string("generation_prefix", "");
        ChatTemplate template = templateName.equals("qwen25")
                ? new ChatTemplate(ChatTemplate.QWEN25_SYSTEM, prefix) : new ChatTemplate(null, prefix);
        String responseEnd = o.string("response_end", Tokenizer.IM_END);
        int label = o.intValue("label", 0);
        int batchSize = o.intValue("batch_size", 8);
        Duration maxWait = Duration.ofMillis(o.intValue("max_wait_ms", 5));
        int maxLength = o.intValue("max_length", 4096);
        Normalization normalization = new Normalization(o.choice("normalize", "none",
                List.of("none", "standardize", "sigmoid")), o.doubleValue("mean", 0), o.doubleValue("std", 1));
        Set<String> sources = Set.copyOf(o.stringList("sources", List.of(SourcePatterns.ANY)));
        o.rejectUnknown();
        return new RewardModelConfig(checkpoint, tokenizer, device, template, responseEnd, label, batchSize, maxWait,
                maxLength, normalization, sources);
    }

    /** The same options with another normalization. */
    public RewardModelConfig withNormalization(Normalization n) {
        return new RewardModelConfig(checkpoint, tokenizer, device, template, responseEnd, label, batchSize, maxWait,
                maxLength, n, sources);
    }

    /** The same options with another batch size. */
    public RewardModelConfig withBatchSize(int n) {
        return new RewardModelConfig(checkpoint, tokenizer, device, template, responseEnd, label, n, maxWait,
                maxLength, normalization, sources);
    }

    /** Whether prompts of {@code dataSource} are scored. */
    public boolean appliesTo(String dataSource) {
        return SourcePatterns.matches(sources, dataSource);
    }
}
