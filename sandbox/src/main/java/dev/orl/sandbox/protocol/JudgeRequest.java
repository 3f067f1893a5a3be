package dev.orl.sandbox.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /v1/judge}: one program, many tests. {@code prelude} is trusted Python (e.g. a HumanEval prompt with its
 * helper functions) executed in the assert harness before the tests; {@code entry_point} names the program's function
 * that assert tests reach as {@code candidate} and under its own name. {@code tests_share_process} (default false) runs
 * a request whose tests are all assert tests in one harness process, as HumanEval's {@code check()} does: one sandbox
 * start instead of one per test, with each test's CPU and wall limits still enforced on its own and a fresh program
 * process after one dies or runs out of time; what the tests can share is the program's global state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JudgeRequest(
    String language,
    String code,
    List<TestCase> tests,
    @JsonProperty("entry_point") String entryPoint,
    String prelude,
    CompareSpec compare,
    Limits limits,
    @JsonProperty("stop_on_first_failure") Boolean stopOnFirstFailure,
    @JsonProperty("max_tests") Integer maxTests,
    @JsonProperty("tests_share_process") Boolean testsShareProcess) {

  public static final int MAX_TESTS = 1000;

  public JudgeRequest {
    if (language == null || language.isBlank()) {
      throw new IllegalArgumentException("field 'language' is required");
    }
    if (code == null) {
      throw new IllegalArgumentException("field 'code' is required");
    }
    if (tests == null || tests.isEmpty()) {
      throw new IllegalArgumentException("field 'tests' must list at least one test");
    }
    if (tests.size() > MAX_TESTS) {
      throw new IllegalArgumentException("at most " + MAX_TESTS + " tests per request, got " + tests.size());
    }
    if (tests.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("'tests' contains null");
    }
    tests = List.copyOf(tests);
    compare = compare == null ? CompareSpec.defaults() : compare;
    limits = limits == null ? Limits.defaults() : limits;
    stopOnFirstFailure = stopOnFirstFailure != null && stopOnFirstFailure;
    maxTests = maxTests == null ? tests.size() : maxTests;
    testsShareProcess = testsShareProcess != null && testsShareProcess;
    if (maxTests < 1) {
      throw new IllegalArgumentException("max_tests must be >= 1, got " + maxTests);
    }
  }

  /** A request with default comparison and limits. */
  public static JudgeRequest of(String language, String code, List<TestCase> tests) {
    return new JudgeRequest(language, code, tests, null, null, null, null, null, null, null);
  }
}
