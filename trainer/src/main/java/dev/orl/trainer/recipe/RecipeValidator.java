package dev.orl.trainer.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orl.rewards.registry.DidYouMean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks a bound recipe before any work starts: ranges, names against the algorithm registries, stage references,
 * and that every file it points to exists. Each problem names the file, line and key.
 */
final class RecipeValidator {

    private final KnownAlgorithms algorithms;
    private final DataFileCheck files;

    RecipeValidator(KnownAlgorithms algorithms, Path baseDir) {
        this.algorithms = algorithms;
        this.files = new DataFileCheck(baseDir);
    }

    /** Adds every problem of {@code r} to {@code p}; the loader has already checked that each stage has a kind. */
    void validate(Recipe r, Problems p) {
        p.require(r.device().matches("cpu|gpu(:\\d+)?"), "device", "must be cpu, gpu or gpu:N, got '" + r.device()
                + "'");
        p.require(r.threads() >= 0, "threads", "must be >= 0 (0 = all cores), got " + r.threads());
        model(r.model(), p);
        validation(r.validation(), p);
        p.require(r.checkpoint().every() >= 0, "checkpoint.every", "must be >= 0, got " + r.checkpoint().every());
        p.require(r.checkpoint().keepLast() >= 1, "checkpoint.keep_last", "must be >= 1, got "
                + r.checkpoint().keepLast());
        p.require(r.logging().rolloutsEvery() >= 0, "logging.rollouts_every", "must be >= 0");
        p.require(!r.stages().isEmpty(), "stages", "must list at least one stage");
        List<String> earlier = new ArrayList<>();
        for (Map.Entry<String, StageSpec> e : r.stages().entrySet()) {
            stage(r, e.getKey(), e.getValue(), earlier, p);
            earlier.add(e.getKey());
        }
    }

    private void model(ModelSpec m, Problems p) {
        boolean fromCheckpoint = m.checkpoint() != null;
        boolean fresh = m.init() != null && !m.init().isNull();
        p.require(fromCheckpoint != fresh, "model", "needs exactly one of 'checkpoint' (a directory) or 'init' (an "
                + "architecture config)");
        if (fromCheckpoint) {
            files.requireDirectory(m.checkpoint(), "model.checkpoint", p);
        }
        if (fresh) {
            p.require(m.tokenizer() != null && !m.tokenizer().isNull(), "model.tokenizer",
                    "is required with 'init' (e.g. char, or {path: tokenizer.json})");
        }
        if (m.tokenizer() != null) {
            files.check(m.tokenizer(), "model.tokenizer", p);
        }
        p.require(m.dtype().equals("float32") || m.dtype().equals("float16"), "model.dtype",
                "must be float32 or float16 (DJL's PyTorch has no bf16), got '" + m.dtype() + "'");
    }

    private void validation(ValidationSpec v, Problems p) {
        p.require(v.every() >= 0, "validation.every", "must be >= 0, got " + v.every());
        p.require(v.n() >= 1, "validation.n", "must be >= 1, got " + v.n());
        p.require(v.temperature() >= 0, "validation.temperature", "must be >= 0");
        p.require(v.topP() > 0 && v.topP() <= 1, "validation.top_p", "must be in (0, 1], got " + v.topP());
        p.require(v.topK() >= 0, "validation.top_k", "must be >= 0 (0 = off)");
        for (int i = 0; i < v.passAtK().size(); i++) {
            int k = v.passAtK().get(i);
            p.require(k >= 1 && k <= v.n(), "validation.pass_at_k." + i, "must be between 1 and validation.n = "
                    + v.n() + ", got " + k);
        }
        for (Map.Entry<String, ValidationSetSpec> e : v.sets().entrySet()) {
            String path = "validation.sets." + e.getKey();
            p.require(e.getKey().matches("[A-Za-z0-9_-]+"), path, "name may hold only letters, digits, '_' and '-'");
            ValidationSetSpec set = e.getValue();
            if (set.data() == null || set.data().isNull()) {
                p.add(path + ".data", "is required");
            } else {
                files.check(set.data(), path + ".data", p);
            }
        }
    }

    private void stage(Recipe r, String name, StageSpec s, List<String> earlier, Problems p) {
        String at = "stages." + name;
        p.require(name.matches("[A-Za-z0-9_-]+"), at, "name may hold only letters, digits, '_' and '-'");
        startFrom(r, name, s, earlier, p);
        if (s.data() == null || s.data().isNull()) {
            p.add(at + ".data", "is required");
        } else {
            files.check(s.data(), at + ".data", p);
        }
        p.require(s.steps() == null || s.steps() >= 1, at + ".steps", "must be >= 1, got " + s.steps());
        optimizer(s.optimizer(), at + ".optimizer", p);
        switch (s.kind()) {
            case RL -> new RlStageChecks(algorithms).check(s, at, p);
            case SFT -> {
                unusedWeights(s.data(), at + ".data", "sft", p);
                p.require(s.steps() != null || s.sft().epochs() != null, at + ".steps",
                        "or sft.epochs is required for an sft stage");
                p.require(s.sft().epochs() == null || s.sft().epochs() >= 1, at + ".sft.epochs", "must be >= 1");
                p.require(s.sft().batchSize() >= 1, at + ".sft.batch_size", "must be >= 1");
                p.require(s.sft().microBatchTokens() >= 1, at + ".sft.micro_batch_tokens", "must be >= 1");
                fraction(s.sft().valFraction(), at + ".sft.val_fraction", p);
                p.require(s.sft().evalEvery() >= 1, at + ".sft.eval_every", "must be >= 1");
                p.require(s.sft().earlyStop().patience() >= 0, at + ".sft.early_stop.patience", "must be >= 0");
            }
            case RM -> {
                unusedWeights(s.data(), at + ".data", "rm", p);
                p.require(s.steps() != null || s.rm().epochs() != null, at + ".steps",
                        "or rm.epochs is required for an rm stage");
                p.require(s.rm().epochs() == null || s.rm().epochs() >= 1, at + ".rm.epochs", "must be >= 1");
                p.require(s.rm().batchSize() >= 1, at + ".rm.batch_size", "must be >= 1");
                p.require(s.rm().microBatchTokens() >= 1, at + ".rm.micro_batch_tokens", "must be >= 1");
                fraction(s.rm().valFraction(), at + ".rm.val_fraction", p);
                p.require(s.rm().evalEvery() >= 1, at + ".rm.eval_every", "must be >= 1");
            }
        }
    }

    /**
     * SFT and RM stages pass over every example of every source each epoch, so a source's {@code weight} (its share of
     * an RL stage's draws) would do nothing there; it is an error rather than a silently ignored key.
     */
    private static void unusedWeights(JsonNode data, String at, String kind, Problems p) {
        JsonNode sources = data == null ? null : data.get("sources");
        if (sources == null || !sources.isArray()) {
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).has("weight")) {
                p.add(at + ".sources." + i + ".weight", "is not used by " + kind + " stages, which train on every "
                        + "example of every source each epoch; remove it, and set a source's 'limit' (or a synthetic "
                        + "source's 'count') to change its share");
            }
        }
    }

    private static void startFrom(Recipe r, String name, StageSpec s, Collection<String> earlier, Problems p) {
        String from = s.startFrom();
        if (from == null || from.equals("model")) {
            return;
        }
        String path = "stages." + name + ".start_from";
        if (!earlier.contains(from)) {
            String why = r.stages().containsKey(from) ? "names a stage that runs later or is this one"
                    : "names no stage";
            p.add(path, "must be 'model' or an earlier stage; '" + from + "' " + why
                    + DidYouMean.hint(from, earlier));
        } else if (s.kind().trainsPolicy() && !r.stage(from).kind().trainsPolicy()) {
            p.add(path, "is '" + from + "', a reward-model stage; a policy stage must start from a policy");
        }
    }

    private static void optimizer(OptimizerSpec o, String at, Problems p) {
        p.require(o.lr() > 0, at + ".lr", "must be > 0, got " + o.lr());
        p.require(o.betas().size() == 2, at + ".betas", "must hold two values [beta1, beta2], got " + o.betas());
        for (int i = 0; i < o.betas().size(); i++) {
            double b = o.betas().get(i) == null ? -1 : o.betas().get(i);
            p.require(b >= 0 && b < 1, at + ".betas." + i, "must be in [0, 1), got " + o.betas().get(i));
        }
        p.require(o.eps() > 0, at + ".eps", "must be > 0");
        p.require(o.weightDecay() >= 0, at + ".weight_decay", "must be >= 0");
        p.require(o.warmupSteps() >= 0, at + ".warmup_steps", "must be >= 0");
        p.require(o.schedule() != null, at + ".schedule", "must be constant or cosine");
        fraction(o.minLrRatio(), at + ".min_lr_ratio", p);
        p.require(o.gradClip() >= 0, at + ".grad_clip", "must be >= 0 (0 = off)");
    }

    static void fraction(double value, String path, Problems p) {
        p.require(value >= 0 && value < 1, path, "must be in [0, 1), got " + value);
    }
}
