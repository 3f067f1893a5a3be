package dev.orl.datasets.synthetic.code;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One kind of small Python function task: how to describe it, the reference code, random arguments and the expected
 * result computed in Java (so the expected values never come from running the reference).
 *
 * @param level the difficulty level it belongs to
 * @param name the function name
 * @param params the parameter list as written in the signature
 * @param description what the function returns, completing "returns ..."
 * @param body the reference body, indented by four spaces
 * @param slip a weaker teacher's body: same shape, one plausible mistake (off by one, a flipped comparison)
 * @param arguments random arguments for one test
 * @param expected the expected return value for the arguments
 */
record Family(int level, String name, String params, String description, String body, String slip,
        Function<SplittableRandom, List<Object>> arguments, Function<List<Object>, Object> expected) {
}
