package dev.orl.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.datasets.ReferenceKeys;
import dev.orl.datasets.synthetic.arith.ArithmeticGenerator;
import dev.orl.datasets.synthetic.instruct.InstructionGenerator;
import dev.orl.datasets.synthetic.preference.PreferenceGenerator;
import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.ifeval.IfevalEvaluator;
import dev.orl.rewards.ifeval.IfevalReward;
import dev.orl.rewards.ifeval.IfevalVerdict;
import dev.orl.rewards.math.MathVerifier;
import dev.orl.rewards.math.Verdict;
import dev.orl.rewards.registry.BasicRewardContext;
import dev.orl.rewards.registry.RewardRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every generated reference response passes the verifier the trainer will score it with. */
class ReferenceSolutionsVerifyTest {

    private static final int PER_SPLIT = 1000;

    @ParameterizedTest
    @EnumSource(SyntheticSplit.class)
    void arithmeticAnswersVerifyWithTheMathVerifier(SyntheticSplit split) {
        MathVerifier verifier = new MathVerifier();
        ArithmeticGenerator generator = new ArithmeticGenerator();
        for (Demonstration d : new SyntheticDataset(generator, null, 7, split, 1, generator.maxLevel())
                .demonstrations(PER_SPLIT)) {
            String gold = (String) d.prompt().reference().get(ReferenceKeys.ANSWER);
            Verdict v = verifier.verify(gold, d.response());
            assertEquals(Boolean.TRUE, v.correct(), d.prompt().id() + " gold " + gold + ": " + v + "\n" + d.response());
        }
    }

    @ParameterizedTest
    @EnumSource(SyntheticSplit.class)
    @SuppressWarnings("unchecked")
    void instructionResponsesPassTheIfevalChecker(SyntheticSplit split) {
        IfevalEvaluator evaluator = new IfevalEvaluator();
        InstructionGenerator generator = new InstructionGenerator();
        for (Demonstration d : new SyntheticDataset(generator, null, 7, split, 1, generator.maxLevel())
                .demonstrations(PER_SPLIT)) {
            List<String> ids = (List<String>) d.prompt().reference().get(ReferenceKeys.INSTRUCTION_ID_LIST);
            List<Map<String, ?>> kwargs = (List<Map<String, ?>>) d.prompt().reference().get(ReferenceKeys.KWARGS);
            IfevalVerdict v = evaluator.evaluate(ids, kwargs, d.response());
            assertTrue(v.strictPrompt(), d.prompt().id() + ": " + v + " kwargs " + kwargs + "\n" + d.response());
        }
    }

    @Test
    void flawedTeacherArithmeticIsSelfConsistentButWrong() {
        MathVerifier verifier = new MathVerifier();
        ArithmeticGenerator generator = new ArithmeticGenerator();
        for (Demonstration d : new SyntheticDataset(generator, null, 7, SyntheticSplit.SFT, 1, generator.maxLevel(),
                1.0).demonstrations(PER_SPLIT)) {
            String gold = (String) d.prompt().reference().get(ReferenceKeys.ANSWER);
            assertEquals(Boolean.FALSE, verifier.verify(gold, d.response()).correct(), d.prompt().id() + " gold "
                    + gold + "\n" + d.response());
            for (String line : d.response().split("\n")) {
                if (line.contains(" = ")) {
                    assertTrue(line.matches("\\d+ [-+*/] \\d+ = \\d+"), "not a worked step: " + line);
                }
            }
        }
    }

    @Test
    void flawedTeacherArithmeticMostlyMisreadsAnOperationAndComputesCorrectly() {
        ArithmeticGenerator generator = new ArithmeticGenerator();
        int misreads = 0;
        int total = 0;
        for (Demonstration d : new SyntheticDataset(generator, null, 7, SyntheticSplit.SFT, 1, 1, 1.0)
                .demonstrations(PER_SPLIT)) {
            String line = d.response().lines().findFirst().orElseThrow();
            String[] parts = line.split(" ");
            long a = Long.parseLong(parts[0]);
            long b = Long.parseLong(parts[2]);
            long c = Long.parseLong(parts[4]);
            boolean computedRight = c == (parts[1].equals("+") ? a + b : a - b);
            // A level-1 question says "buy/find/gives them/get ... more" for + and "give away/lose/use" for -.
            boolean asked = d.prompt().lastUserText().matches("(?s).*(buy|find|gives them|get) \\d+ more.*");
            boolean misread = parts[1].equals("+") != asked;
            assertTrue(computedRight || !misread, "a misread step is still computed right: " + d.response());
            misreads += misread ? 1 : 0;
            total++;
        }
        assertTrue(misreads > total * 0.6, misreads + " of " + total + " flawed solutions misread the operation");
    }

    @Test
    @SuppressWarnings("unchecked")
    void flawedTeacherNotesBreakAnInstruction() {
        IfevalEvaluator evaluator = new IfevalEvaluator();
        InstructionGenerator generator = new InstructionGenerator();
        for (Demonstration d : new SyntheticDataset(generator, null, 7, SyntheticSplit.SFT, 1, generator.maxLevel(),
                1.0).demonstrations(PER_SPLIT)) {
            List<String> ids = (List<String>) d.prompt().reference().get(ReferenceKeys.INSTRUCTION_ID_LIST);
            List<Map<String, ?>> kwargs = (List<Map<String, ?>>) d.prompt().reference().get(ReferenceKeys.KWARGS);
            assertTrue(!evaluator.evaluate(ids, kwargs, d.response()).strictPrompt(),
                    d.prompt().id() + " flawed note follows " + ids + " " + kwargs + ":\n" + d.response());
        }
    }

    @Test
    void instructionPromptsGetTheIfevalRewardUnderTheirDefaultSourceName() throws Exception {
        RewardFunction ifeval = RewardRegistry.discover().provider(IfevalReward.NAME)
                .create(Map.of(), BasicRewardContext.empty());
        for (Demonstration d : new SyntheticDataset(new InstructionGenerator(), null, 7, SyntheticSplit.RL, 1, 1)
                .demonstrations(20)) {
            String source = d.prompt().dataSource();
            assertTrue(ifeval.appliesTo(source), "the ifeval reward skips prompts of source '" + source + "'");
            Reward reward = ifeval.score(d.prompt(), Completion.ofText(d.response()));
            assertEquals(1.0, reward.score(), d.prompt().id() + ": " + reward + "\n" + d.response());
        }
    }

    @ParameterizedTest
    @EnumSource(value = SyntheticSplit.class, names = "RL")
    @SuppressWarnings("unchecked")
    void preferencePairsChosenPassesAndWrongAnswersFail(SyntheticSplit split) {
        MathVerifier math = new MathVerifier();
        IfevalEvaluator ifeval = new IfevalEvaluator();
        int checked = 0;
        for (Demonstration d : new SyntheticDataset(new PreferenceGenerator(), null, 7, split, 1, 4)
                .demonstrations(PER_SPLIT)) {
            String chosen = (String) d.prompt().reference().get(ReferenceKeys.CHOSEN);
            String rejected = (String) d.prompt().reference().get(ReferenceKeys.REJECTED);
            assertEquals(d.response(), chosen);
            if ("wrong_answer".equals(d.prompt().extra().get("fault"))) {
                String gold = chosen.substring(chosen.lastIndexOf("\\boxed{") + 7, chosen.lastIndexOf('}'));
                assertEquals(Boolean.TRUE, math.verify(gold, chosen).correct(), chosen);
                assertEquals(Boolean.FALSE, math.verify(gold, rejected).correct(), rejected);
                checked++;
            } else if ("broken_constraint".equals(d.prompt().extra().get("fault"))) {
                List<String> ids = (List<String>) d.prompt().reference().get(ReferenceKeys.INSTRUCTION_ID_LIST);
                List<Map<String, ?>> kwargs = (List<Map<String, ?>>) d.prompt().reference().get(ReferenceKeys.KWARGS);
                assertTrue(ifeval.evaluate(ids, kwargs, chosen).strictPrompt(), chosen);
                assertTrue(!ifeval.evaluate(ids, kwargs, rejected).strictPrompt(),
                        "rejected follows every instruction " + ids + " " + kwargs + ":\n" + rejected);
                checked++;
            }
        }
        assertTrue(checked > PER_SPLIT / 3, "too few pairs with a checkable fault: " + checked);
    }
}
