package dev.orl.trainer.pipeline;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.model.optim.AdamW;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.sandbox.judge.FileTrees;
import dev.orl.trainer.checkpoint.SealedDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checkpoints of a run: model (HF layout, with any head tensors) + tokenizer + optimizer state + trainer state,
 * published as a {@link SealedDirectory}, so a crash or SIGKILL mid-save never leaves a corrupt "latest". Keeps the
 * newest N.
 */
public final class StageCheckpoints {

    /** Written last into a checkpoint: its presence marks the checkpoint complete. */
    public static final String STATE_FILE = "trainer_state.json";
    /** The optimizer's state, inside a checkpoint. */
    public static final String OPTIMIZER_DIR = "optimizer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final int keepLast;

    public StageCheckpoints(Path dir, int keepLast) {
        this.dir = dir;
        this.keepLast = keepLast;
    }

    /** Saves a checkpoint as {@code step_<globalStep>} and drops the oldest beyond {@code keepLast}. */
    public Path save(TrainerState state, Qwen2Model model, Map<String, NDArray> extra, Tokenizer tokenizer,
            AdamW optimizer) throws IOException {
        Path target = dir.resolve("step_" + state.globalStep());
        write(target, state, model, extra, tokenizer, optimizer);
        prune();
        return target;
    }

    /** Writes a complete checkpoint to {@code target} atomically (replacing an older one there). */
    public static void write(Path target, TrainerState state, Qwen2Model model, Map<String, NDArray> extra,
            Tokenizer tokenizer, AdamW optimizer) throws IOException {
        SealedDirectory.publish(target, dir -> {
            model.save(dir, extra);
            tokenizer.save(dir);
            if (optimizer != null) {
                optimizer.save(dir.resolve(OPTIMIZER_DIR));
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(STATE_FILE).toFile(), state);
        });
    }

    /**
     * True when {@code checkpoint} is whole: its state file is there and its seal, if it has one, still matches its
     * files. Checkpoints written before seals existed have none and are trusted on their state file.
     */
    public static boolean isComplete(Path checkpoint) {
        return Files.isRegularFile(checkpoint.resolve(STATE_FILE))
                && (!SealedDirectory.hasMarker(checkpoint) || SealedDirectory.isSealed(checkpoint));
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Path> latest() throws IOException {
        return complete().stream().reduce((a, b) -> b);
    }

    /** Complete checkpoints, oldest first. */
    public List<Path> complete() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("step_\\d+"))
                    .filter(StageCheckpoints::isComplete)
                    .sorted(Comparator.comparingLong(StageCheckpoints::stepOf)).toList();
        }
    }

    /** Reads the trainer state of a checkpoint. */
    public static TrainerState state(Path checkpoint) throws IOException {
        return JSON.readValue(checkpoint.resolve(STATE_FILE).toFile(), TrainerState.class);
    }

    /** Tidies what a crash mid-save left: half-written checkpoints, and a replaced one not yet put back. */
    public void recover() throws IOException {
        SealedDirectory.recover(dir);
    }

    private void prune() throws IOException {
        List<Path> all = complete();
        for (int i = 0; i < all.size() - keepLast; i++) {
            FileTrees.delete(all.get(i));
        }
    }

    private static long stepOf(Path p) {
        return Long.parseLong(p.getFileName().toString().substring("step_".length()));
    }
}
