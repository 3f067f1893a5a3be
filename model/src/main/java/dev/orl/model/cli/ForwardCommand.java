package dev.orl.model.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orl.model.device.NoGrad;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.qwen2.TokenBatch;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orl model forward}: the logits of a token sequence as JSON. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Print {\"logits\": [[...], ...]} (one row of vocab-size floats per input position) as JSON.")
final class ForwardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, description = "HF-layout checkpoint directory")
    Path checkpoint;

    @Option(names = "--ids", required = true, description = "comma-separated token ids, e.g. 1,2,3")
    String ids;

    @Mixin
    CheckpointOptions load;

    @Override
    public Integer call() throws Exception {
        try (CheckpointOptions.LoadedModel loaded = load.load(checkpoint);
                NoGrad noGrad = NoGrad.enter();
                NDManager step = loaded.model().manager().newSubManager()) {
            Qwen2Model model = loaded.model();
            int[] tokens = Ids.parse(ids, model.config().vocabSize());
            NDArray logits = model.forward(step, TokenBatch.leftPadded(new int[][] {tokens}, 0));
            float[] flat = logits.toFloatArray();
            int vocab = model.config().vocabSize();
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode();
            ArrayNode rows = root.putArray("logits");
            for (int t = 0; t < tokens.length; t++) {
                ArrayNode row = rows.addArray();
                for (int v = 0; v < vocab; v++) {
                    row.add(flat[t * vocab + v]);
                }
            }
            spec.commandLine().getOut().println(json.writeValueAsString(root));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
