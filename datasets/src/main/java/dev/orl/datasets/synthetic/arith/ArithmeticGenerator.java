package dev.orl.datasets.synthetic.arith;

import dev.orl.datasets.ReferenceKeys;
import dev.orl.datasets.synthetic.Pick;
import dev.orl.datasets.synthetic.Task;
import dev.orl.datasets.synthetic.TaskGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Arithmetic word problems ("Ana has 12 pens. She buys 5 more. ...") with a step-by-step reference ending in
 * {@code \boxed{N}}. Levels add steps, larger numbers and harder operations; every intermediate value is a
 * non-negative integer.
 */
public final class ArithmeticGenerator implements TaskGenerator {

    /** Difficulty of one level: steps, operand ceiling, and which operations may appear. */
    record Level(int steps, int maxOperand, boolean multiply, boolean divide) {
    }

    private static final List<Level> LEVELS = List.of(
            new Level(1, 9, false, false),
            new Level(1, 20, true, false),
            new Level(2, 20, true, false),
            new Level(3, 30, true, true),
            new Level(4, 50, true, true));

    private static final List<String> NAMES = List.of("Ana", "Ben", "Cam", "Dee", "Eli", "Fay", "Gus", "Ivy", "Jo",
            "Kai", "Lea", "Max", "Nia", "Omar", "Pia", "Raj", "Sam", "Tia", "Uma", "Zoe");
    private static final List<String> ITEMS = List.of("apples", "pens", "coins", "books", "cards", "eggs", "stamps",
            "shells", "marbles", "stickers", "cookies", "toys");

    @Override
    public String name() {
        return "synthetic/arith";
    }

    @Override
    public int maxLevel() {
        return LEVELS.size();
    }

    @Override
    public Task generate(SplittableRandom random, int level) {
        Level knobs = LEVELS.get(level - 1);
        String name = Pick.one(random, NAMES);
        String items = Pick.one(random, ITEMS);
        long value = Pick.between(random, 1, knobs.maxOperand());
        long start = value;
        StringBuilder question = new StringBuilder(name + " has " + value + " " + items + ".");
        List<Step> steps = new ArrayList<>();
        for (int s = 0; s < knobs.steps(); s++) {
            Step step = step(random, knobs, value);
            question.append(' ').append(step.sentence());
            steps.add(step);
            value = step.result();
        }
        question.append(" How many ").append(items).append(" does ").append(name).append(" have now?");
        String q = question.toString();
        return new Task(q, solution(start, steps, -1, 0).text(), Map.of(ReferenceKeys.ANSWER, Long.toString(value)),
                Map.of("steps", knobs.steps()), slipped(q, start, steps));
    }

    /**
     * The worked solution a weaker teacher writes: it misreads one step's operation ("6 + 3 = 9" for "They give away
     * 3") and computes everything else right, a procedural mistake an outcome reward can teach away and more imitation
     * cannot. Where no misreading keeps every value a non-negative integer and changes the answer, one step's result
     * is off by 1 to 3 instead. Either way the chain carries the error to the end. The randomness comes from the
     * question, not the task's stream, so adding it changed no generated task.
     */
    private static String slipped(String question, long start, List<Step> steps) {
        SplittableRandom random = new SplittableRandom(question.hashCode());
        long answer = steps.get(steps.size() - 1).result();
        int first = random.nextInt(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            int at = (first + i) % steps.size();
            List<Step> misread = new ArrayList<>(steps);
            misread.set(at, steps.get(at).misread());
            Worked worked = solution(start, misread, -1, 0);
            if (worked != null && worked.answer() != answer) {
                return worked.text();
            }
        }
        int delta = Pick.between(random, 1, 3) * (random.nextBoolean() ? 1 : -1);
        Worked flawed = solution(start, steps, first, delta);
        // A slip that a later division or subtraction cannot carry goes into the last step instead.
        return (flawed != null ? flawed : solution(start, steps, steps.size() - 1, Math.abs(delta))).text();
    }

    /** A worked solution and the answer it boxes. */
    private record Worked(String text, long answer) {
    }

    /** Steps applied from {@code start}, step {@code slipAt}'s result shifted by {@code delta}; null if impossible. */
    private static Worked solution(long start, List<Step> steps, int slipAt, int delta) {
        StringBuilder out = new StringBuilder();
        long value = start;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long result = switch (step.symbol()) {
                case '+' -> value + step.operand();
                case '-' -> value - step.operand();
                case '*' -> value * step.operand();
                default -> value % step.operand() == 0 ? value / step.operand() : -1;
            };
            result += i == slipAt ? delta : 0;
            if (result < 0) {
                return null;
            }
            out.append(value).append(' ').append(step.symbol()).append(' ').append(step.operand()).append(" = ")
                    .append(result).append('\n');
            value = result;
        }
        return new Worked(out + "The answer is \\boxed{" + value + "}.", value);
    }

    private record Step(String sentence, char symbol, long operand, long result) {
        /** This step as a careless reader takes it: the operation swapped for its most confusable neighbour. */
        Step misread() {
            char swapped = switch (symbol) {
                case '+' -> '-';
                case '-', '*' -> '+';
                default -> '*';
            };
            return new Step(sentence, swapped, operand, -1);
        }
    }

    private static Step step(SplittableRandom random, Level knobs, long value) {
        List<Character> ops = new ArrayList<>(List.of('+', '-'));
        if (knobs.multiply() && value <= 100) {
            ops.add('*');
        }
        List<Integer> divisors = new ArrayList<>();
        for (int d = 2; d <= 5 && knobs.divide(); d++) {
            if (value % d == 0 && value > d) {
                divisors.add(d);
            }
        }
        if (!divisors.isEmpty()) {
            ops.add('/');
        }
        char op = Pick.one(random, ops);
        switch (op) {
            case '+' -> {
                int k = Pick.between(random, 1, knobs.maxOperand());
                return new Step(Pick.one(random, List.of("They buy %d more.", "They find %d more.",
                        "A friend gives them %d more.")).formatted(k), '+', k, value + k);
            }
            case '-' -> {
                if (value < 1) {
                    int k = Pick.between(random, 1, knobs.maxOperand());
                    return new Step("They get %d more.".formatted(k), '+', k, value + k);
                }
                int k = Pick.between(random, 1, (int) Math.min(value, knobs.maxOperand()));
                return new Step(Pick.one(random, List.of("They give away %d.", "They lose %d.", "They use %d."))
                        .formatted(k), '-', k, value - k);
            }
            case '*' -> {
                int k = Pick.between(random, 2, 4);
                String times = k == 2 ? "doubles" : k == 3 ? "triples" : "becomes 4 times as large";
                return new Step("Then the number " + times + ".", '*', k, value * k);
            }
            default -> {
                int d = Pick.one(random, divisors);
                return new Step("They split them into " + d + " equal groups and keep one group.", '/', d, value / d);
            }
        }
    }
}
