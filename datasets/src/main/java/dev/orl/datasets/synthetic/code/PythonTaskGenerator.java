package dev.orl.datasets.synthetic.code;

import dev.orl.datasets.ReferenceKeys;
import dev.orl.datasets.synthetic.Pick;
import dev.orl.datasets.synthetic.Task;
import dev.orl.datasets.synthetic.TaskGenerator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Small Python function tasks ("Write a Python function add_3(x) that returns x plus 3.") with three assert tests
 * each, plus stdin/stdout programs at the lowest levels so both test styles of the code verifier are exercised.
 * The reference response is one fenced Python block.
 */
public final class PythonTaskGenerator implements TaskGenerator {

    private static final int TESTS = 3;

    @Override
    public String name() {
        return "synthetic/python";
    }

    @Override
    public int maxLevel() {
        return 5;
    }

    @Override
    public Task generate(SplittableRandom random, int level) {
        if (level <= 2 && random.nextInt(4) == 0) {
            return stdinTask(random, level);
        }
        Family family = Pick.one(random, Families.atLevel(level, random));
        Set<String> asserts = new LinkedHashSet<>();
        for (int attempt = 0; asserts.size() < TESTS && attempt < 20; attempt++) {
            List<Object> args = family.arguments().apply(random);
            asserts.add("assert " + family.name() + "(" + PyLiteral.args(args) + ") == "
                    + PyLiteral.of(family.expected().apply(args)));
        }
        List<Map<String, Object>> tests = new ArrayList<>();
        asserts.forEach(a -> tests.add(Map.of(ReferenceKeys.ASSERT_CODE, a)));
        String signature = family.name() + "(" + family.params() + ")";
        // The example makes questions of one family differ, and tells a small model the exact call shape.
        String example = asserts.iterator().next().substring("assert ".length());
        String question = "Write a Python function " + signature + " that returns " + family.description()
                + ". Example: " + example;
        String code = "def " + signature + ":\n    " + family.body() + "\n";
        String slip = "def " + signature + ":\n    " + family.slip() + "\n";
        return new Task(question, fenced(code), Map.of(
                ReferenceKeys.TESTS, tests,
                ReferenceKeys.ENTRY_POINT, family.name(),
                ReferenceKeys.LANGUAGE, "python"), Map.of("family", family.name()), fenced(slip));
    }

    private static Task stdinTask(SplittableRandom random, int level) {
        boolean sum = level == 1;
        String question = sum
                ? "Write a Python program that reads two integers from one line and prints their sum."
                : "Write a Python program that reads integers from one line and prints the largest.";
        String code = sum
                ? "a, b = map(int, input().split())\nprint(a + b)\n"
                : "print(max(map(int, input().split())))\n";
        String slip = sum
                ? "a, b = map(int, input().split())\nprint(a - b)\n"
                : "print(min(map(int, input().split())))\n";
        List<Map<String, Object>> tests = new ArrayList<>();
        for (int t = 0; t < TESTS; t++) {
            List<Integer> xs = new ArrayList<>();
            for (int i = sum ? 2 : Pick.between(random, 2, 5); i > 0; i--) {
                xs.add(Pick.between(random, -50, 50));
            }
            int expected = sum ? xs.get(0) + xs.get(1) : xs.stream().mapToInt(Integer::intValue).max().orElseThrow();
            String stdin = String.join(" ", xs.stream().map(String::valueOf).toList()) + "\n";
            tests.add(Map.of(ReferenceKeys.STDIN, stdin, ReferenceKeys.EXPECTED_STDOUT, expected + "\n"));
        }
        question += " Example: input " + ((String) tests.get(0).get(ReferenceKeys.STDIN)).strip()
                + ", output " + ((String) tests.get(0).get(ReferenceKeys.EXPECTED_STDOUT)).strip() + ".";
        return new Task(question, fenced(code),
                Map.of(ReferenceKeys.TESTS, tests, ReferenceKeys.LANGUAGE, "python"),
                Map.of("family", sum ? "stdin_sum" : "stdin_max"), fenced(slip));
    }

    private static String fenced(String code) {
        return "```python\n" + code + "```";
    }
}
