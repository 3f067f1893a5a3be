package dev.orl.rewards.rules;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.util.Map;

/**
 * The think/answer format rule: the response is {@code <think>…</think>} followed by a non-empty answer, with exactly
 * one of each tag and non-blank thinking. Scores 1 when it holds and 0 otherwise; {@code info.reason} says what
 * broke.
 *
 * <p>With {@code thinkOpened}, the chat template has already written {@code <think>} into the prompt (as QwQ's does),
 * so the response must not open the tag again and only needs the single closing tag.
 */
public final class ThinkFormatReward implements RewardFunction {
    public static final String NAME = "think_format";
    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private final boolean thinkOpened;

    public ThinkFormatReward(boolean thinkOpened) {
        this.thinkOpened = thinkOpened;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reward score(Prompt prompt, Completion completion) {
        String reason = violation(completion.text());
        return Reward.ok(reason == null ? 1.0 : 0.0, reason == null ? Map.of() : Map.of("reason", reason));
    }

    /** Why {@code text} breaks the format, or {@code null} when it follows it. */
    public String violation(String text) {
        int opens = count(text, OPEN);
        int closes = count(text, CLOSE);
        String body = text.strip();
        if (thinkOpened) {
            if (opens != 0) {
                return "the template already opened <think>, but the response opens it again";
            }
        } else {
            if (opens != 1) {
                return opens == 0 ? "no <think> tag" : opens + " <think> tags, expected exactly one";
            }
            if (!body.startsWith(OPEN)) {
                return "text before <think>";
            }
            body = body.substring(OPEN.length());
        }
        if (closes != 1) {
            return closes == 0 ? "no </think> tag (thinking never ended)" : closes + " </think> tags, expected one";
        }
        int close = body.indexOf(CLOSE);
        if (body.substring(0, close).isBlank()) {
            return "empty thinking";
        }
        if (body.substring(close + CLOSE.length()).isBlank()) {
            return "no answer after </think>";
        }
        return null;
    }

    private static int count(String text, String tag) {
        int count = 0;
        for (int at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + tag.length())) {
            count++;
        }
        return count;
    }
}
