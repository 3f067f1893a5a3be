package dev.orl.datasets.synthetic.code;

import dev.orl.datasets.synthetic.Pick;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/** The function task families, a few per level, instantiated with a random constant where they have one. */
final class Families {

    private static final String LETTERS = "abcdeilmnorstu";

    private Families() {
    }

    /** The families of one level, with their constants drawn from {@code random}. */
    static List<Family> atLevel(int level, SplittableRandom random) {
        int k = Pick.between(random, 2, 9);
        char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
        return switch (level) {
            case 1 -> arithmetic(k);
            case 2 -> stringsAndLists(k);
            case 3 -> conditions(k, c);
            case 4 -> loops();
            default -> combinations();
        };
    }

    /** Level 1: one arithmetic operation with a constant. */
    private static List<Family> arithmetic(int k) {
        return List.of(
                new Family(1, "add_" + k, "x", "x plus " + k, "return x + " + k, "return x + " + (k + 1),
                        r -> List.of(small(r)), a -> (int) a.get(0) + k),
                new Family(1, "times_" + k, "x", "x times " + k, "return x * " + k, "return x * " + (k + 1),
                        r -> List.of(small(r)), a -> (int) a.get(0) * k),
                new Family(1, "minus_" + k, "x", "x minus " + k, "return x - " + k, "return x - " + (k + 1),
                        r -> List.of(small(r)), a -> (int) a.get(0) - k));
    }

    /** Level 2: one built-in operation on a string, a pair or a list. */
    private static List<Family> stringsAndLists(int k) {
        return List.of(
                new Family(2, "larger", "a, b", "the larger of a and b", "return a if a > b else b", "return a if a < b else b",
                        r -> List.of(small(r), small(r)), a -> Math.max((int) a.get(0), (int) a.get(1))),
                new Family(2, "reverse_text", "s", "s reversed", "return s[::-1]", "return s[1:]",
                        r -> List.of(word(r)), a -> new StringBuilder((String) a.get(0)).reverse().toString()),
                new Family(2, "list_sum", "xs", "the sum of the list xs", "return sum(xs)", "return sum(xs[1:])",
                        r -> List.of(ints(r, 5)), a -> ints(a.get(0)).stream().mapToInt(Integer::intValue).sum()),
                new Family(2, "repeat_" + k, "s", "s repeated " + k + " times", "return s * " + k, "return s * " + (k + 1),
                        r -> List.of(word(r).substring(0, 2)), a -> ((String) a.get(0)).repeat(k)));
    }

    /** Level 3: a condition or a count. */
    private static List<Family> conditions(int k, char c) {
        return List.of(
                new Family(3, "is_even", "n", "True if n is even, else False", "return n % 2 == 0", "return n % 2 == 1",
                        r -> List.of(small(r)), a -> (int) a.get(0) % 2 == 0),
                new Family(3, "count_" + c, "s", "how many times '" + c + "' occurs in s",
                        "return s.count('" + c + "')", "return s.count('" + c + "') + 1",
                        r -> List.of(word(r)), a -> (int) ((String) a.get(0)).chars().filter(x -> x == c).count()),
                new Family(3, "count_positive", "xs", "how many numbers in xs are above 0",
                        "return len([x for x in xs if x > 0])", "return len([x for x in xs if x < 0])",
                        r -> List.of(ints(r, 6)), a -> (int) ints(a.get(0)).stream().filter(x -> x > 0).count()),
                new Family(3, "clamp_" + k, "x", "x limited to the range 0 to " + k,
                        "return max(0, min(x, " + k + "))", "return max(0, min(x, " + (k + 1) + "))",
                        r -> List.of(small(r)), a -> Math.max(0, Math.min((int) a.get(0), k))));
    }

    /** Level 4: a loop or an accumulation. */
    private static List<Family> loops() {
        return List.of(
                new Family(4, "sum_to", "n", "1 + 2 + ... + n", "return n * (n + 1) // 2", "return n * (n - 1) // 2",
                        r -> List.of(Pick.between(r, 1, 30)), a -> (int) a.get(0) * ((int) a.get(0) + 1) / 2),
                new Family(4, "factorial", "n", "n factorial", "r = 1\n    for i in range(2, n + 1):\n        r *= i\n    return r", "r = 1\n    for i in range(2, n):\n        r *= i\n    return r",
                        r -> List.of(Pick.between(r, 0, 8)), a -> factorial((int) a.get(0))),
                new Family(4, "count_vowels", "s", "the number of vowels in s",
                        "return sum(1 for ch in s if ch in 'aeiou')", "return sum(1 for ch in s if ch in 'aeio')",
                        r -> List.of(word(r)), a -> (int) ((String) a.get(0)).chars().filter(x -> "aeiou".indexOf(x) >= 0).count()),
                new Family(4, "digit_sum", "n", "the sum of the digits of n (n >= 0)",
                        "return sum(int(d) for d in str(n))", "return sum(int(d) for d in str(n)[1:])",
                        r -> List.of(Pick.between(r, 0, 9999)),
                        a -> String.valueOf(a.get(0)).chars().map(x -> x - '0').sum()),
                new Family(4, "evens", "xs", "the even numbers of xs, in order",
                        "return [x for x in xs if x % 2 == 0]", "return [x for x in xs if x % 2 == 1]",
                        r -> List.of(ints(r, 6)), a -> ints(a.get(0)).stream().filter(x -> x % 2 == 0).toList()));
    }

    /** Level 5: a filter combined with a reduction, or a small algorithm. */
    private static List<Family> combinations() {
        return List.of(
                new Family(5, "sum_even_squares", "xs", "the sum of the squares of the even numbers in xs",
                        "return sum(x * x for x in xs if x % 2 == 0)", "return sum(x * x for x in xs)",
                        r -> List.of(ints(r, 6)),
                        a -> ints(a.get(0)).stream().filter(x -> x % 2 == 0).mapToInt(x -> x * x).sum()),
                new Family(5, "is_palindrome", "s", "True if s reads the same backwards, else False",
                        "return s == s[::-1]", "return s == s[::1]",
                        r -> List.of(r.nextBoolean() ? palindrome(r) : word(r)),
                        a -> new StringBuilder((String) a.get(0)).reverse().toString().equals(a.get(0))),
                new Family(5, "second_largest", "xs", "the second largest distinct value in xs",
                        "return sorted(set(xs))[-2]", "return sorted(set(xs))[-1]",
                        r -> List.of(distinctInts(r)),
                        a -> ints(a.get(0)).stream().distinct().sorted(Collections.reverseOrder()).toList().get(1)),
                new Family(5, "fib", "n", "the n-th Fibonacci number (fib(0) = 0, fib(1) = 1)",
                        "a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a", "a, b = 0, 1\n    for _ in range(n - 1):\n        a, b = b, a + b\n    return a",
                        r -> List.of(Pick.between(r, 0, 20)), a -> fibonacci((int) a.get(0))));
    }

    private static int small(SplittableRandom r) {
        return Pick.between(r, -20, 20);
    }

    private static String word(SplittableRandom r) {
        int n = Pick.between(r, 3, 7);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
        }
        return s.toString();
    }

    private static String palindrome(SplittableRandom r) {
        String half = word(r).substring(0, 3);
        return half + new StringBuilder(half.substring(0, 2)).reverse();
    }

    private static List<Integer> ints(SplittableRandom r, int maxLength) {
        List<Integer> xs = new ArrayList<>();
        for (int i = Pick.between(r, 1, maxLength); i > 0; i--) {
            xs.add(Pick.between(r, -9, 9));
        }
        return xs;
    }

    private static List<Integer> distinctInts(SplittableRandom r) {
        List<Integer> xs = new ArrayList<>(ints(r, 5));
        xs.add(Pick.between(r, 10, 15));
        xs.add(Pick.between(r, 16, 20));
        Pick.shuffle(r, xs);
        return xs;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> ints(Object value) {
        return (List<Integer>) value;
    }

    private static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    private static long fibonacci(int n) {
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }
}
