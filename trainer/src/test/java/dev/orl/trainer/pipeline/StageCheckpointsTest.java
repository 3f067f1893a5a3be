package dev.orl.trainer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.trainer.checkpoint.SealedDirectory;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.testing.TinyPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageCheckpointsTest {

    @TempDir
    Path dir;

    private static TrainerState state(long step) {
        return new TrainerState("stage1", step, step, 7, null, Map.of("best_val_loss", 0.25));
    }

    private static List<String> names(List<Path> checkpoints) {
        return checkpoints.stream().map(p -> p.getFileName().toString()).toList();
    }

    /** Saves steps 1 to 3 of a tiny policy, keeping the last two. */
    private StageCheckpoints savedThree() throws IOException {
        StageCheckpoints checkpoints = new StageCheckpoints(dir, 2);
        Policy policy = TinyPolicies.random(1);
        try (var model = policy.model()) {
            for (long step = 1; step <= 3; step++) {
                checkpoints.save(state(step), model, Map.of(), policy.tokenizer(), null);
            }
        }
        return checkpoints;
    }

    @Test
    void keepsTheLastSealedCheckpointsAndReadsTheirState() throws IOException {
        StageCheckpoints checkpoints = savedThree();
        assertEquals(List.of("step_2", "step_3"), names(checkpoints.complete()));
        Path latest = checkpoints.latest().orElseThrow();
        assertEquals(state(3), StageCheckpoints.state(latest));
        assertTrue(SealedDirectory.isSealed(latest), "every new checkpoint is sealed");
    }

    @Test
    void aCheckpointWithATruncatedFileIsPassedOverForTheOneBefore() throws IOException {
        StageCheckpoints checkpoints = savedThree();
        Path weights;
        try (var files = Files.list(dir.resolve("step_3"))) {
            weights = files.filter(p -> p.toString().endsWith(".safetensors")).findFirst().orElseThrow();
        }
        Files.write(weights, new byte[16]);
        assertEquals(dir.resolve("step_2"), checkpoints.latest().orElseThrow(),
                "a run must resume from whole weights, not from a file cut short by a crash");
    }

    @Test
    void aCheckpointWrittenBeforeSealsExistedStillCounts() throws IOException {
        StageCheckpoints checkpoints = savedThree();
        Files.delete(dir.resolve("step_3").resolve(SealedDirectory.MARKER));
        assertEquals(dir.resolve("step_3"), checkpoints.latest().orElseThrow(),
                "run directories from earlier versions must stay resumable");
    }
}
