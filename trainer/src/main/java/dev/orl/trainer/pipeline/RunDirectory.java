package dev.orl.trainer.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of a run directory: {@code recipe.yaml}, {@code provenance.json}, {@code metrics.jsonl},
 * {@code rollouts/step_N.jsonl}, {@code checkpoints/step_N/}, each stage's final weights in
 * {@code stages/<name>/final/} and {@code report.html}.
 */
public record RunDirectory(Path root) {

    /** Creates the directory if needed. */
    public static RunDirectory create(Path root) throws IOException {
        Files.createDirectories(root);
        return new RunDirectory(root);
    }

    public Path recipe() {
        return root.resolve("recipe.yaml");
    }

    public Path provenance() {
        return root.resolve("provenance.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path rollouts(long step) {
        return root.resolve("rollouts").resolve("step_" + step + ".jsonl");
    }

    public Path report() {
        return root.resolve("report.html");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    /** The final weights of stage {@code stage} (a policy, or a reward model for {@code rm} stages). */
    public Path stageFinal(String stage) {
        return root.resolve("stages").resolve(stage).resolve("final");
    }

    /** True when {@code stage} finished in an earlier run. */
    public boolean stageDone(String stage) {
        return StageCheckpoints.isComplete(stageFinal(stage));
    }
}
