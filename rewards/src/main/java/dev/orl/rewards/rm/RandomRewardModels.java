package dev.orl.rewards.rm;

import ai.djl.Device;
import dev.orl.model.config.Qwen2Config;
import dev.orl.model.heads.ScoreHead;
import dev.orl.model.kernels.PlainKernels;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.tokenizer.CharTokenizer;
import java.io.IOException;
import java.nio.file.Path;

/** Writes randomly initialised char-level score-head checkpoints, for benchmarks and tests that need no training. */
public final class RandomRewardModels {

    private RandomRewardModels() {}

    /**
     * A Qwen2 score-head checkpoint in {@code dir}: {@code layers} layers of width {@code hiddenSize} (intermediate
     * 3×, 4 query and 2 key-value heads), one label, and the ASCII char tokenizer beside it.
     */
    public static Path write(Path dir, int hiddenSize, int layers, long seed) throws IOException {
        CharTokenizer tokenizer = CharTokenizer.ascii();
        Qwen2Config config = new Qwen2Config("Qwen2ForSequenceClassification", hiddenSize, 3 * hiddenSize, layers, 4,
                2, tokenizer.vocabSize(), 1024, 10000, 1e-6, true, 1);
        try (Qwen2Model model = Qwen2Model.random(config, new PlainKernels(), Device.cpu(), seed)) {
            model.save(dir, ScoreHead.create(hiddenSize, 1, model.manager(), seed + 1).parameters());
        }
        tokenizer.save(dir);
        return dir;
    }
}
