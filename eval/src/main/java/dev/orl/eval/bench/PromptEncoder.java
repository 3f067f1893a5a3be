package dev.orl.eval.bench;

import dev.orl.model.tokenizer.ChatTemplate;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.rewards.Prompt;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link Prompt} into a model's input ids: the chat rendered with the template, ending with the assistant's
 * generation prompt, or a raw prompt's text as is. Rollouts, validation and {@code orl eval} share it, so a prompt
 * reads the same to the policy in training and in evaluation.
 *
 * @param tokenizer text to ids
 * @param template ChatML rendering of the prompt's turns
 */
public record PromptEncoder(Tokenizer tokenizer, ChatTemplate template) {

    /** Marks prompts whose single user turn is fed as raw text (the datasets module's {@code template: raw}). */
    private static final String RAW_MARKER = "raw";

    public PromptEncoder {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(template, "template");
    }

    /** The prompt's input ids. */
    public int[] encode(Prompt prompt) {
        String text = RAW_MARKER.equals(prompt.extra().get("template")) ? prompt.lastUserText()
                : template.render(prompt.messages(), true);
        return tokenizer.encode(text);
    }

    /** The tokens that end a response: the tokenizer's end-of-turn and end-of-text ids. */
    public List<Integer> stopIds() {
        return Arrays.stream(tokenizer.defaultStopIds()).boxed().toList();
    }
}
