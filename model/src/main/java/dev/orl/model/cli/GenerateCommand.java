package dev.orl.model.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orl.model.chat.ChatMessage;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.sampling.Completion;
import dev.orl.model.sampling.Sampler;
import dev.orl.model.sampling.SamplingParams;
import dev.orl.model.tokenizer.ChatTemplate;
import dev.orl.model.tokenizer.HfTokenizer;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.model.tokenizer.Tokenizers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orl model generate}: sample one response from a checkpoint with its tokenizer. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a response with the KV-cache sampler; --json prints {ids, text, finish_reason}.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, description = "checkpoint directory (with its tokenizer)")
    Path checkpoint;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--prompt", description = "prompt text") String prompt;
        @Option(names = "--ids", description = "prompt token ids, comma-separated") String ids;
    }

    @Option(names = "--chat", description = "wrap --prompt as a user turn in the ChatML template")
    boolean chat;

    @Option(names = "--system", description = "system turn for --chat (default: the template's)")
    String system;

    @Option(names = "--greedy", description = "argmax decoding")
    boolean greedy;

    @Option(names = "--temperature", defaultValue = "1.0", description = "logits are divided by it before sampling;"
            + " 0 = greedy, as in orl eval (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--top-p", defaultValue = "1.0", description = "sample from the most likely tokens whose"
            + " probability reaches p; 1 = off (default: ${DEFAULT-VALUE})")
    double topP;

    @Option(names = "--top-k", defaultValue = "0", description = "sample from the k most likely tokens; 0 = off"
            + " (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the sampling draws, ignored with --greedy"
            + " (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--max-new-tokens", defaultValue = "64", description = "stop after generating this many tokens"
            + " (default: ${DEFAULT-VALUE})")
    int maxNewTokens;

    @Option(names = "--stop", description = "stop string (repeatable)") List<String> stops = List.of();

    @Option(names = "--json", description = "print one JSON line {\"ids\", \"text\", \"finish_reason\"}")
    boolean json;

    @Mixin
    CheckpointOptions load;

    @Override
    public Integer call() throws Exception {
        try (CheckpointOptions.LoadedModel loaded = load.load(checkpoint);
                Tokenizer tokenizer = Tokenizers.load(checkpoint)) {
            Qwen2Model model = loaded.model();
            int[] prompt = promptIds(tokenizer, model.config().vocabSize());
            List<Integer> stopIds = Arrays.stream(tokenizer.defaultStopIds()).boxed().toList();
            SamplingParams params = greedy || temperature == 0 ? SamplingParams.greedy(maxNewTokens, stopIds)
                    : SamplingParams.sample(temperature, maxNewTokens, stopIds, seed).withTop(topK, topP);
            params = params.withStopStrings(stops);
            Completion c = new Sampler(model, tokenizer).generate(List.of(prompt), params).get(0);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                Arrays.stream(c.responseIds()).forEach(root.putArray("ids")::add);
                root.put("text", c.text());
                root.put("finish_reason", c.finishReason().wireName());
                out.println(mapper.writeValueAsString(root));
            } else {
                out.println(c.text());
            }
            out.flush();
        }
        return 0;
    }

    private int[] promptIds(Tokenizer tokenizer, int vocabSize) {
        if (input.ids != null) {
            if (chat) {
                throw new IllegalArgumentException("--chat applies to --prompt, not --ids");
            }
            return Ids.parse(input.ids, vocabSize);
        }
        String text = input.prompt;
        if (chat) {
            ChatTemplate template = tokenizer instanceof HfTokenizer ? ChatTemplate.qwen25() : ChatTemplate.plain();
            List<ChatMessage> turns = system == null ? List.of(ChatMessage.user(text))
                    : List.of(ChatMessage.system(system), ChatMessage.user(text));
            text = template.render(turns, true);
        }
        int[] ids = tokenizer.encode(text);
        if (ids.length == 0) {
            throw new IllegalArgumentException("--prompt encodes to no tokens");
        }
        return ids;
    }
}
