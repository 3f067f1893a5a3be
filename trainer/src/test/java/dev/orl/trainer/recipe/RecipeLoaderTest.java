package dev.orl.trainer.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeLoaderTest {

    /** Line numbers matter: the tests below point into this text. */
    static final String RECIPE = """
            model:
              init: {hidden_size: 64, num_layers: 2}
              tokenizer: char
            stages:
              s1:
                kind: rl
                steps: 5
                data: {path: train.jsonl}
                rewards: [{name: math_accuracy}]
                rollout:
                  n: 4
                  temperature: 0.9
            """;

    @TempDir
    Path dir;
    private RecipeLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("train.jsonl"), "{}\n");
        loader = new RecipeLoader(KnownAlgorithms.builtIn(), dir);
    }

    private LoadedRecipe parse(String yaml, String... overrides) {
        return loader.parse(yaml, "recipes/x.yaml", List.of(overrides));
    }

    private String failure(String yaml, String... overrides) {
        return assertThrows(RecipeException.class, () -> parse(yaml, overrides)).getMessage();
    }

    @Test
    void fillsEveryDefaultAroundWhatTheRecipeSays() {
        Recipe r = parse(RECIPE).recipe();
        StageSpec s = r.stage("s1");
        assertEquals(4, s.rollout().n(), "written in the recipe");
        assertEquals(0.9, s.rollout().temperature(), 1e-12, "written in the recipe");
        assertEquals(256, s.rollout().maxNewTokens(), "default");
        assertEquals("grpo", s.algorithm().advantage(), "default");
        assertEquals(0.2, s.algorithm().clipRatioHigh(), 1e-12, "default");
        assertEquals(List.of(0.9, 0.999), s.optimizer().betas(), "default");
        assertNull(s.sft(), "an rl stage has no sft section");
        assertEquals("x", r.name(), "the name defaults to the file's");
        assertEquals("runs/x", r.runDir(), "the run dir defaults to runs/<name>");
        assertEquals(dir, parse(RECIPE).baseDir(), "the loaded recipe says where its relative paths were checked");
    }

    @Test
    void unknownKeyNamesFileLineKeyAndSuggestion() {
        String msg = failure(RECIPE.replace("temperature: 0.9", "tempreature: 0.9"));
        assertEquals("recipes/x.yaml line 12: unknown key 'stages.s1.rollout.tempreature' (did you mean "
                + "'temperature'?)", msg);
    }

    @Test
    void wrongTypeNamesFileLineKeyAndExpectedType() {
        String msg = failure(RECIPE.replace("n: 4", "n: four"));
        assertEquals("recipes/x.yaml line 11: 'stages.s1.rollout.n' must be an integer, got 'four'", msg);
    }

    @Test
    void missingDataFileNamesTheKeyThatPointsToIt() {
        String msg = failure(RECIPE.replace("train.jsonl", "nope.jsonl"));
        assertTrue(msg.startsWith("recipes/x.yaml line 8: 'stages.s1.data.path' points to 'nope.jsonl', which does "
                + "not exist"), msg);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        RecipeException e = assertThrows(RecipeException.class,
                () -> parse(RECIPE.replace("steps: 5", "steps: 0").replace("temperature: 0.9", "temperature: -1")));
        assertEquals(2, e.problems().size(), "both steps and temperature are wrong: " + e.problems());
    }

    @Test
    void misspelledAlgorithmNameGetsASuggestion() {
        String msg = failure(RECIPE + "    algorithm: {advantage: grp0}\n");
        assertTrue(msg.contains("'stages.s1.algorithm.advantage' names no advantage estimator: 'grp0' (did you mean "
                + "'grpo'?)"), msg);
        assertTrue(msg.startsWith("recipes/x.yaml line 13:"), msg);
    }

    @Test
    void groupEstimatorsNeedAtLeastTwoSamples() {
        String msg = failure(RECIPE.replace("n: 4", "n: 1"));
        assertTrue(msg.contains("'stages.s1.rollout.n' must be >= 2 for grpo"), msg);
    }

    @Test
    void duplicateKeysAreErrors() {
        String msg = failure(RECIPE + "seed: 1\nseed: 2\n");
        assertTrue(msg.startsWith("recipes/x.yaml line 14: duplicate key 'seed'"), msg);
    }

    @Test
    void aTabInTheIndentationIsNamedAtItsOwnLine() {
        String msg = failure(RECIPE + "    algorithm:\n\t  advantage: rloo\n");
        assertEquals("recipes/x.yaml line 14: not valid YAML: found a tab character where indentation is expected "
                + "(YAML indents with spaces)", msg);
    }

    @Test
    void aMisalignedKeyIsNamedAtItsOwnLineWithWhatTheParserExpected() {
        String msg = failure(RECIPE.replace("    steps: 5", "   steps: 5"));
        assertEquals("recipes/x.yaml line 7: not valid YAML: expected <block end>, but found '<block mapping start>' "
                + "(while parsing a block mapping that starts at line 5; check this line's indentation)", msg);
    }

    @Test
    void aStageWithoutKindReportsOnlyThatTheKindIsMissing() {
        RecipeException e = assertThrows(RecipeException.class,
                () -> parse(RECIPE.replace("    kind: rl\n", "").replace("temperature", "tempreature") + "sead: 1\n"));
        assertEquals(List.of("recipes/x.yaml line 5: 'stages.s1.kind' is required (one of sft, rm, rl)",
                "recipes/x.yaml line 12: unknown key 'sead' (did you mean 'seed'?)"), e.problems(),
                "the stage's own keys cannot be judged without its kind; the rest of the recipe still is");
    }

    @Test
    void anUnknownStageKindIsNamedWithASuggestion() {
        assertEquals("recipes/x.yaml line 6: 'stages.s1.kind' must be one of [sft, rm, rl], got 'rll' (did you mean "
                + "'rl'?)", failure(RECIPE.replace("kind: rl", "kind: rll")));
    }

    @Test
    void overridesAreTypedByTheirTargetField() {
        Recipe r = parse(RECIPE, "stages.s1.rollout.n=16", "name=123", "stages.s1.optimizer.betas[1]=0.98",
                "validation.pass_at_k=[1,4]", "stages.s1.algorithm.kl.apply_to=reward", "seed=7").recipe();
        assertEquals(16, r.stage("s1").rollout().n());
        assertEquals("123", r.name(), "a string field keeps digits as a string");
        assertEquals(List.of(0.9, 0.98), r.stage("s1").optimizer().betas(), "one list item replaced, the other kept");
        assertEquals(List.of(1, 4), r.validation().passAtK());
        assertEquals(AlgorithmSpec.Kl.Target.REWARD, r.stage("s1").algorithm().kl().applyTo());
        assertEquals(7, r.seed());
    }

    @Test
    void overrideWithUnknownKeyIsAnErrorNamingIt() {
        assertEquals("--set stages.s1.rollout.tempreature=0.7: unknown key 'stages.s1.rollout.tempreature' (did you "
                + "mean 'temperature'?)", failure(RECIPE, "stages.s1.rollout.tempreature=0.7"));
        assertEquals("--set stages.s2.rollout.n=4: no entry 's2' in 'stages' (it has: s1) (did you mean 's1'?)",
                failure(RECIPE, "stages.s2.rollout.n=4"));
        assertEquals("--set seed=abc: 'seed' must be an integer, got 'abc'", failure(RECIPE, "seed=abc"));
        assertEquals("--set stages.s1.kind=rll: 'stages.s1.kind' must be one of [sft, rm, rl], got 'rll' (did you "
                + "mean 'rl'?)", failure(RECIPE, "stages.s1.kind=rll"));
    }

    @Test
    void overriddenValuesPointAtTheOverrideInLaterErrors() {
        String msg = failure(RECIPE, "stages.s1.rollout.top_p=1.5");
        assertTrue(msg.startsWith("--set stages.s1.rollout.top_p=1.5: 'stages.s1.rollout.top_p' must be in (0, 1]"),
                msg);
    }

    @Test
    void sectionsOfAnotherKindAreRejected() {
        String yaml = RECIPE + "  cold:\n    kind: sft\n    steps: 3\n    data: {path: train.jsonl}\n"
                + "    rollout: {n: 2}\n";
        String msg = failure(yaml);
        assertEquals("recipes/x.yaml line 17: 'stages.cold.rollout' does not apply to a stage of kind 'sft' (it "
                + "belongs to rl stages)", msg);
    }

    @Test
    void stagesRunInFileOrderEachStartingFromThePreviousPolicy() {
        String yaml = """
                model: {init: {hidden_size: 8}, tokenizer: char}
                stages:
                  rm: {kind: rm, steps: 2, data: {path: train.jsonl}}
                  sft: {kind: sft, steps: 2, data: {path: train.jsonl}}
                  stage1: {kind: rl, steps: 2, data: {path: train.jsonl}, rewards: [{name: a}]}
                  control: {kind: sft, steps: 2, data: {path: train.jsonl}, start_from: sft}
                """;
        Recipe r = parse(yaml).recipe();
        assertEquals(List.of("rm", "sft", "stage1", "control"), r.stageNames());
        assertNull(r.startingStage("rm"), "a reward model starts from the top-level model");
        assertNull(r.startingStage("sft"), "the first policy stage starts from the top-level model, not the rm");
        assertEquals("sft", r.startingStage("stage1"));
        assertEquals("sft", r.startingStage("control"), "start_from names an earlier stage");
    }

    @Test
    void startFromMustNameAnEarlierPolicyStage() {
        String yaml = """
                model: {init: {hidden_size: 8}, tokenizer: char}
                stages:
                  rm: {kind: rm, steps: 2, data: {path: train.jsonl}}
                  a: {kind: sft, steps: 2, data: {path: train.jsonl}, start_from: b}
                  b: {kind: sft, steps: 2, data: {path: train.jsonl}, start_from: rm}
                """;
        RecipeException e = assertThrows(RecipeException.class, () -> parse(yaml));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("'b' names a stage that runs later"), e.getMessage());
        assertTrue(e.problems().get(1).contains("a reward-model stage"), e.getMessage());
    }

    @Test
    void modelNeedsExactlyOneOfCheckpointAndInit() {
        String msg = failure(RECIPE.replace("  tokenizer: char\n", "  tokenizer: char\n  checkpoint: ckpt\n"));
        assertTrue(msg.contains("'model' needs exactly one of 'checkpoint'"), msg);
    }

    @Test
    void resolvedYamlLoadsBackToTheSameRecipe() {
        Recipe r = parse(RECIPE, "stages.s1.algorithm.clip_ratio_high=0.28").recipe();
        String resolved = r.resolvedYaml();
        Recipe again = parse(resolved).recipe();
        assertEquals(r, again, "resolved YAML:\n" + resolved);
        assertTrue(resolved.contains("clip_ratio_high: 0.28"), resolved);
    }

    @Test
    void dualClipTurnsOffWithInfinityAndSurvivesTheRoundTrip() {
        Recipe r = parse(RECIPE + "    algorithm: {clip_ratio_c: .inf}\n").recipe();
        assertEquals(Double.POSITIVE_INFINITY, r.stage("s1").algorithm().clipRatioC());
        assertEquals(r, parse(r.resolvedYaml()).recipe(), r.resolvedYaml());
        assertTrue(failure(RECIPE + "    algorithm: {clip_ratio_c: 0.5}\n")
                .contains("'stages.s1.algorithm.clip_ratio_c' must be > 1"));
    }

    @Test
    void rejectsDynamicSamplingJudgedByARewardTheStageDoesNotHave() {
        String msg = failure(RECIPE + "    algorithm: {dynamic_sampling: {enabled: true, rewards: [math_acuracy]}}\n");
        assertTrue(msg.contains("'stages.s1.algorithm.dynamic_sampling.rewards' names no reward of this stage: "
                + "'math_acuracy'"), msg);
        assertTrue(msg.contains("math_accuracy"), "the stage's rewards are listed: " + msg);
        Recipe ok = parse(RECIPE + "    algorithm: {dynamic_sampling: {enabled: true, rewards: [math_accuracy]}}\n")
                .recipe();
        assertEquals(List.of("math_accuracy"), ok.stage("s1").algorithm().dynamicSampling().rewards());
    }

    @Test
    void rejectsGdpoWithKlInTheRewardWhereItHasNoChannel() {
        String msg = failure(RECIPE + "    algorithm: {advantage: gdpo, kl: {coef: 0.1, apply_to: reward}}\n");
        assertTrue(msg.contains("'stages.s1.algorithm.kl.apply_to' must be loss with advantage gdpo"), msg);
        Recipe ok = parse(RECIPE + "    algorithm: {advantage: gdpo, kl: {coef: 0.1, apply_to: loss}}\n").recipe();
        assertEquals("gdpo", ok.stage("s1").algorithm().advantage());
    }

    @Test
    void missingFilesAndDirectoriesAreNamedWithTheirKeys() {
        String msg = failure(RECIPE.replace("  init: {hidden_size: 64, num_layers: 2}\n  tokenizer: char\n",
                "  checkpoint: models/nowhere\n") + "validation:\n  sets:\n    math: {data: {files: [a.jsonl]}}\n");
        assertTrue(msg.contains("recipes/x.yaml line 2: 'model.checkpoint' points to 'models/nowhere', which is not a "
                + "directory"), msg);
        assertTrue(msg.contains("recipes/x.yaml line 14: 'validation.sets.math.data.files.0' points to 'a.jsonl'"),
                msg);
    }

    @Test
    void rejectsSourceWeightsInAnSftStageWhichWouldIgnoreThem() {
        String sft = RECIPE + "  sft:\n    kind: sft\n    steps: 5\n    data:\n      sources:\n"
                + "        - {path: train.jsonl, weight: 0.8}\n        - {path: train.jsonl, name: b}\n";
        String msg = failure(sft);
        assertTrue(msg.contains("recipes/x.yaml line 18: 'stages.sft.data.sources.0.weight' is not used by sft "
                + "stages"), msg);
        assertTrue(parse(sft.replace(", weight: 0.8", "")).recipe().stages().containsKey("sft"));
    }

    @Test
    void aMissingRecipeFileIsNamed() {
        String msg = assertThrows(RecipeException.class,
                () -> loader.load(dir.resolve("nope.yaml"), List.of())).getMessage();
        assertTrue(msg.endsWith("nope.yaml: recipe file not found"), msg);
    }

    @Test
    void emptySectionsMeanDefaults() {
        Recipe r = parse(RECIPE + "validation:\ncheckpoint:\n").recipe();
        assertEquals(3, r.checkpoint().keepLast());
    }
}
