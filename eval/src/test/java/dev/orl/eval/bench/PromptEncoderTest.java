package dev.orl.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.model.chat.ChatMessage;
import dev.orl.model.tokenizer.CharTokenizer;
import dev.orl.model.tokenizer.ChatTemplate;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.rewards.Prompt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptEncoderTest {
    private final CharTokenizer tokenizer = CharTokenizer.ascii();
    private final PromptEncoder encoder = new PromptEncoder(tokenizer, ChatTemplate.plain());

    @Test
    void rendersTheChatAndEndsWithTheAssistantsTurn() {
        Prompt chat = new Prompt("p", "arith", List.of(ChatMessage.user("2+3?")), Map.of(), Map.of());
        String text = tokenizer.decode(encoder.encode(chat), false);
        assertEquals(ChatTemplate.plain().render(chat.messages(), true), text);
        assertTrue(text.endsWith(Tokenizer.IM_START + "assistant\n"), text);
    }

    @Test
    void feedsARawPromptsTextAsIs() {
        Prompt raw = new Prompt("p", "arith", List.of(ChatMessage.user("Q: 2+3\nA:")), Map.of(),
                Map.of("template", "raw"));
        assertEquals("Q: 2+3\nA:", tokenizer.decode(encoder.encode(raw), false));
    }
}
