package dev.orl.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.datasets.ReferenceKeys;
import dev.orl.datasets.synthetic.countdown.CountdownCheck;
import dev.orl.datasets.synthetic.countdown.CountdownGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticGeneratorsTest {

    static List<String> generators() {
        return Generators.builtIn().names();
    }

    private static SyntheticDataset dataset(String generator, long seed, SyntheticSplit split) {
        TaskGenerator g = Generators.builtIn().forName(generator);
        return new SyntheticDataset(g, null, seed, split, 1, g.maxLevel());
    }

    @ParameterizedTest
    @MethodSource("generators")
    void sameSeedGivesSameDataAndAnotherSeedOtherData(String generator) {
        List<Demonstration> a = dataset(generator, 11, SyntheticSplit.RL).demonstrations(50);
        List<Demonstration> b = dataset(generator, 11, SyntheticSplit.RL).demonstrations(50);
        List<Demonstration> c = dataset(generator, 12, SyntheticSplit.RL).demonstrations(50);
        assertEquals(a, b, generator + ": same seed must give the same demonstrations");
        assertNotEquals(a, c, generator + ": another seed should give other data");
    }

    @ParameterizedTest
    @MethodSource("generators")
    void teacherErrorRateReplacesThatFractionOfResponsesAndNothingElse(String generator) {
        TaskGenerator g = Generators.builtIn().forName(generator);
        List<Demonstration> clean = new SyntheticDataset(g, null, 5, SyntheticSplit.SFT, 1, g.maxLevel())
                .demonstrations(400);
        List<Demonstration> noisy = new SyntheticDataset(g, null, 5, SyntheticSplit.SFT, 1, g.maxLevel(), 0.4)
                .demonstrations(400);
        int flawed = 0;
        int changed = 0;
        for (int i = 0; i < clean.size(); i++) {
            Demonstration c = clean.get(i);
            Demonstration n = noisy.get(i);
            assertEquals(c.prompt().messages(), n.prompt().messages(), generator + ": the questions must not change");
            assertEquals(c.prompt().reference(), n.prompt().reference(), generator + ": the verifier's reference too");
            boolean marked = Boolean.TRUE.equals(n.prompt().extra().get(SyntheticDataset.FLAWED_KEY));
            flawed += marked ? 1 : 0;
            changed += c.response().equals(n.response()) ? 0 : 1;
            assertEquals(marked, !c.response().equals(n.response()), generator + " item " + i
                    + ": a response differs exactly when it is marked flawed");
        }
        assertEquals(noisy, new SyntheticDataset(g, null, 5, SyntheticSplit.SFT, 1, g.maxLevel(), 0.4)
                .demonstrations(400), generator + ": flaws are deterministic");
        if (Set.of("synthetic/arith", "synthetic/python", "synthetic/ifeval").contains(generator)) {
            assertTrue(flawed > 400 * 0.3 && flawed < 400 * 0.5, generator + ": " + flawed + " of 400 flawed at 0.4");
        } else {
            assertEquals(0, changed, generator + " has no flawed responses, so nothing may change");
        }
    }

    @ParameterizedTest
    @MethodSource("generators")
    void sftRlAndValidationQuestionsNeverOverlap(String generator) {
        Set<String> sft = new HashSet<>();
        dataset(generator, 1, SyntheticSplit.SFT).prompts(300).forEach(p -> sft.add(p.lastUserText()));
        for (SyntheticSplit other : List.of(SyntheticSplit.RL, SyntheticSplit.VAL)) {
            for (var p : dataset(generator, 1, other).prompts(300)) {
                assertTrue(!sft.contains(p.lastUserText()), generator + ": " + other + " prompt also in SFT: " + p);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("generators")
    void textsAreShortPrintableAsciiForACharacterModel(String generator) {
        int longest = 0;
        for (Demonstration d : dataset(generator, 2, SyntheticSplit.RL).demonstrations(300)) {
            String text = d.prompt().lastUserText() + d.response();
            longest = Math.max(longest, text.length());
            assertTrue(text.chars().allMatch(ch -> ch == '\n' || (ch >= 32 && ch < 127)),
                    generator + ": non-printable or non-ASCII text: " + text);
        }
        assertTrue(longest <= 450, generator + ": longest prompt+response is " + longest + " chars");
    }

    @Test
    void levelsStayInTheirBandAndHarderLevelsMeanLongerWork() {
        TaskGenerator arith = Generators.builtIn().forName("synthetic/arith");
        double easy = meanResponseLength(new SyntheticDataset(arith, null, 3, SyntheticSplit.RL, 1, 1));
        double hard = meanResponseLength(new SyntheticDataset(arith, null, 3, SyntheticSplit.RL, 5, 5));
        assertTrue(hard > 2 * easy, "level 5 work (" + hard + " chars) should be much longer than level 1 (" + easy + ")");
        for (var p : new SyntheticDataset(arith, null, 3, SyntheticSplit.RL, 2, 3).prompts(100)) {
            int level = (int) p.extra().get("level");
            assertTrue(level >= 2 && level <= 3, "level " + level + " outside [2, 3]");
        }
    }

    private static double meanResponseLength(SyntheticDataset d) {
        return d.demonstrations(200).stream().mapToInt(x -> x.response().length()).average().orElseThrow();
    }

    @Test
    void countdownReferenceSolutionsPassTheCountdownCheck() {
        SyntheticDataset d = new SyntheticDataset(new CountdownGenerator(), null, 5, SyntheticSplit.RL, 1, 5);
        for (Demonstration demo : d.demonstrations(500)) {
            List<Integer> numbers = (List<Integer>) demo.prompt().reference().get(ReferenceKeys.NUMBERS);
            long target = ((Number) demo.prompt().reference().get(ReferenceKeys.TARGET)).longValue();
            assertEquals(CountdownCheck.Verdict.CORRECT, CountdownCheck.judge(demo.response(), numbers, target),
                    demo.prompt().lastUserText() + "\n" + demo.response());
            var step = java.util.regex.Pattern.compile("(\\d+)([-+*/])(\\d+)=(\\d+)").matcher(demo.response());
            int steps = 0;
            for (; step.find(); steps++) {
                long a = Long.parseLong(step.group(1));
                long b = Long.parseLong(step.group(3));
                long c = switch (step.group(2)) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    default -> a / b;
                };
                assertEquals(c, Long.parseLong(step.group(4)), "worked step " + step.group() + " in " + demo.response());
            }
            assertEquals(numbers.size() - 1, steps, "one worked step per operation: " + demo.response());
        }
    }

    @Test
    void countdownCheckRejectsWrongValuesReusedNumbersAndJunk() {
        List<Integer> numbers = List.of(3, 5, 7);
        assertEquals(CountdownCheck.Verdict.CORRECT, CountdownCheck.judge("<answer>(7-5)*3 = 6</answer>", numbers, 6));
        assertEquals(CountdownCheck.Verdict.WRONG_VALUE, CountdownCheck.judge("<answer>3+5+7</answer>", numbers, 16));
        assertEquals(CountdownCheck.Verdict.WRONG_NUMBERS, CountdownCheck.judge("<answer>3*5+1</answer>", numbers, 16));
        assertEquals(CountdownCheck.Verdict.WRONG_NUMBERS, CountdownCheck.judge("<answer>3*7</answer>", numbers, 21));
        assertEquals(CountdownCheck.Verdict.UNPARSEABLE, CountdownCheck.judge("<answer>3+(5*</answer>", numbers, 1));
        assertEquals(CountdownCheck.Verdict.UNPARSEABLE, CountdownCheck.judge("<answer>3/(5-5)+7</answer>",
                List.of(3, 5, 5, 7), 1));
        assertEquals(CountdownCheck.Verdict.NO_ANSWER, CountdownCheck.judge("15", numbers, 15));
        assertEquals(CountdownCheck.Verdict.CORRECT, CountdownCheck.judge("<answer>7/7</answer>", List.of(7, 7), 1));
        assertEquals(CountdownCheck.Verdict.WRONG_VALUE, CountdownCheck.judge("<answer>7/2</answer>", List.of(7, 2), 3),
                "7/2 is 3.5 in exact arithmetic, not 3");
    }
}
