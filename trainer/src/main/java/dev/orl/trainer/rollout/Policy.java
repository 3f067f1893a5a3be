package dev.orl.trainer.rollout;

import dev.orl.eval.bench.PromptEncoder;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.tokenizer.ChatTemplate;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.rewards.Prompt;
import java.util.List;
import java.util.Objects;

/**
 * The model being trained together with what turns a {@link Prompt} into its input tokens: the tokenizer and the
 * chat template. The template is applied here, on the rollout side, so prompt sources stay model-agnostic.
 *
 * @param model the decoder (owns its weights)
 * @param tokenizer text to ids and back
 * @param template ChatML rendering of the prompt's turns
 */
public record Policy(Qwen2Model model, Tokenizer tokenizer, ChatTemplate template) {

    public Policy {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(template, "template");
    }

    /** The prompt's input ids: the rendered chat ending with the assistant generation prompt, or its raw text. */
    public int[] promptIds(Prompt prompt) {
        return encoder().encode(prompt);
    }

    /** The ids of an assistant response as a demonstration: its text followed by the end-of-turn token. */
    public int[] responseIds(String response) {
        return tokenizer.encode(response + Tokenizer.IM_END);
    }

    /** Ids that end a response. */
    public List<Integer> stopIds() {
        return encoder().stopIds();
    }

    private PromptEncoder encoder() {
        return new PromptEncoder(tokenizer, template);
    }
}
