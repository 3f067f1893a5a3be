package dev.orl.trainer.pipeline;

import dev.orl.datasets.synthetic.Demonstration;
import dev.orl.model.heads.ScoreHead;
import dev.orl.model.heads.ValueHead;
import dev.orl.model.optim.LrSchedule;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.registry.RewardScorer;
import dev.orl.trainer.batching.EpochBatches;
import dev.orl.trainer.metrics.Progress;
import dev.orl.trainer.recipe.Recipe;
import dev.orl.trainer.recipe.StageSpec;
import dev.orl.trainer.rl.RlStepFactory;
import dev.orl.trainer.rm.PreferencePair;
import dev.orl.trainer.rm.RewardModelTrainer;
import dev.orl.trainer.rollout.Policy;
import dev.orl.trainer.sft.SftExample;
import dev.orl.trainer.sft.SftTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Opens a stage of any kind: from the previous policy stage's final weights (or the top-level model) with a fresh
 * optimizer, or, when resuming, from a checkpoint with its optimizer state and data cursor.
 */
final class StageOpener {

    private final Recipe recipe;
    private final RunDirectory run;
    private final ModelFactory models;
    private final StageData data;
    private final RlStepFactory rl;

    StageOpener(Recipe recipe, RunDirectory run, ModelFactory models, StageData data) {
        this.recipe = recipe;
        this.run = run;
        this.models = models;
        this.data = data;
        this.rl = RlStepFactory.builtIn().withProgress(Progress.of(recipe.logging().progress()));
    }

    /** Opens stage {@code name}; {@code checkpoint} and {@code state} are null for a fresh start. */
    StageTrainer open(String name, long seed, Path checkpoint, TrainerState state) throws IOException {
        StageSpec stage = recipe.stage(name);
        ModelFactory.Loaded start = checkpoint != null ? models.loadWithHeads(checkpoint) : startingWeights(name);
        StageTrainer trainer = switch (stage.kind()) {
            case RL -> rlStage(name, stage, start, seed, state);
            case SFT -> sftStage(name, stage, start.policy(), seed, state);
            case RM -> rmStage(name, stage, start, seed);
        };
        if (checkpoint != null) {
            trainer.optimizer().load(checkpoint.resolve(StageCheckpoints.OPTIMIZER_DIR));
        }
        return trainer;
    }

    private ModelFactory.Loaded startingWeights(String name) throws IOException {
        String from = recipe.startingStage(name);
        if (from == null) {
            return new ModelFactory.Loaded(models.topLevel(recipe.model(), recipe.seed()), null, null);
        }
        ModelFactory.Loaded loaded = models.loadWithHeads(run.stageFinal(from));
        return new ModelFactory.Loaded(loaded.policy(), loaded.valueHead(), null);
    }

    private StageTrainer rlStage(String name, StageSpec stage, ModelFactory.Loaded start, long seed,
            TrainerState state) {
        String at = "stages." + name;
        var source = data.pipeline(stage.data(), at + ".data")
                .withLength(p -> start.policy().promptIds(p).length).train();
        RewardScorer scorer = new RewardScorer(data.rewards(stage.rewards(), at + ".rewards"),
                stage.scoring().concurrency(), Duration.ofMillis(Math.round(stage.scoring().timeoutS() * 1000)));
        ValueHead head = start.valueHead();
        return new RlStageTrainer(stage, start.policy(), head, source, scorer, rl, seed,
                state == null ? null : state.cursor());
    }

    private StageTrainer sftStage(String name, StageSpec stage, Policy policy, long seed, TrainerState state) {
        List<Prompt> prompts = data.allPrompts(stage.data(), "stages." + name + ".data");
        List<SftExample> all = SftExample.of(policy, Demonstration.allOf(prompts));
        List<List<SftExample>> split = split(all, stage.sft().valFraction(), seed);
        int batch = stage.sft().batchSize();
        long perEpoch = EpochBatches.perEpoch(split.get(0).size(), batch);
        long total = stage.steps() != null ? stage.steps() : stage.sft().epochs() * perEpoch;
        SftTrainer trainer = new SftTrainer(policy.model(), policy.tokenizer().padId(), split.get(0), split.get(1),
                batch, stage.sft().microBatchTokens(), RlStepFactory.adamConfig(stage.optimizer()),
                schedule(stage, total), stage.optimizer().gradClip(), seed);
        return new SftStageTrainer(policy, trainer, stage.sft(), total,
                state == null ? java.util.Map.of() : state.loop());
    }

    private StageTrainer rmStage(String name, StageSpec stage, ModelFactory.Loaded start, long seed) {
        Policy policy = start.policy();
        ScoreHead head = start.scoreHead();
        if (head == null) {
            policy = models.convert(policy, "Qwen2ForSequenceClassification", 1);
            head = ScoreHead.create(policy.model().config().hiddenSize(), 1, policy.model().manager(), seed);
        }
        List<Prompt> prompts = data.allPrompts(stage.data(), "stages." + name + ".data");
        List<List<PreferencePair>> split = split(PreferencePair.of(policy, prompts), stage.rm().valFraction(), seed);
        int batch = stage.rm().batchSize();
        long perEpoch = EpochBatches.perEpoch(split.get(0).size(), batch);
        long total = stage.steps() != null ? stage.steps() : stage.rm().epochs() * perEpoch;
        RewardModelTrainer trainer = new RewardModelTrainer(policy.model(), head, policy.tokenizer().padId(),
                split.get(0), split.get(1), batch, stage.rm().microBatchTokens(),
                RlStepFactory.adamConfig(stage.optimizer()), schedule(stage, total), stage.optimizer().gradClip(),
                seed);
        return new RmStageTrainer(policy, trainer, stage.rm(), total);
    }

    private static LrSchedule schedule(StageSpec stage, long total) {
        return RlStepFactory.schedule(stage.optimizer(), total);
    }

    /** A seeded split into [train, held-out]; at least one example stays in training. */
    static <T> List<List<T>> split(List<T> all, double fraction, long seed) {
        List<T> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        int held = (int) Math.min(Math.round(all.size() * fraction), Math.max(0, all.size() - 1));
        return List.of(shuffled.subList(held, shuffled.size()), shuffled.subList(0, held));
    }
}
