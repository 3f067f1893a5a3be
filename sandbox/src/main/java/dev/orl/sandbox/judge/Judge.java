package dev.orl.sandbox.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.sandbox.isolation.ProcessSandbox;
import dev.orl.sandbox.isolation.RunLimits;
import dev.orl.sandbox.isolation.RunResult;
import dev.orl.sandbox.isolation.WorkerSlot;
import dev.orl.sandbox.protocol.JudgeRequest;
import dev.orl.sandbox.protocol.JudgeResponse;
import dev.orl.sandbox.protocol.Limits;
import dev.orl.sandbox.protocol.TestCase;
import dev.orl.sandbox.protocol.TestVerdict;
import dev.orl.sandbox.protocol.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges one program against many tests: compiles once, runs each test in a fresh sandbox, compares stdout with the
 * expected output in Java (which never enters the sandbox), and runs assert tests through the trusted harness, one
 * sandbox per test or, when the request asks, all in one.
 */
public final class Judge {
  /** CPU seconds a compiler may use (a compile-time bomb is a CompileError, not a hung worker). */
  public static final double COMPILE_CPU_S = 10;
  /** Seconds added to the summed limits of a shared run, for the harness and the program starts it repeats. */
  static final double SHARED_SLACK_S = 2;

  private final Languages languages;
  private final Programs programs;
  private final AssertHarness harness;

  public Judge(ProcessSandbox sandbox, Languages languages, Path jobRoot, ObjectMapper json) {
    this.languages = languages;
    this.programs = new Programs(sandbox, jobRoot);
    this.harness = new AssertHarness(json, languages.pythonNoSite());
  }

  public Languages languages() {
    return languages;
  }

  Programs programs() {
    return programs;
  }

  /** Checks what can be checked before queueing; throws IllegalArgumentException with a message for the caller. */
  public Language validate(JudgeRequest request) {
    Language language = languages.find(request.language()).orElseThrow(() -> new IllegalArgumentException(
        "unknown language '" + request.language() + "' (available: " + languages.versions().keySet() + ")"));
    if (!language.name().equals("python") && request.tests().stream().anyMatch(TestCase::isAssert)) {
      throw new IllegalArgumentException("assert_code tests are only supported for python, not " + language.name());
    }
    return language;
  }

  /** Judges {@code request} in {@code slot}; IOException means the sandbox itself failed. */
  public JudgeResponse judge(JudgeRequest request, WorkerSlot slot) throws IOException {
    Language language = validate(request);
    long start = System.nanoTime();
    List<TestCase> tests = request.tests();
    try (JobDir job = programs.newJob(slot)) {
      job.write(language.sourceFile(), request.code());
      if (tests.stream().anyMatch(TestCase::isAssert)) {
        job.write(AssertHarness.FILE, harness.source());
      }
      TestVerdict compile = null;
      if (language.compiled()) {
        compile = Verdicts.compile(programs.compile(language, job, slot, COMPILE_CPU_S, request.limits().memoryMb()));
        if (compile.verdict() == Verdict.CompileError) {
          List<TestVerdict> failed = new ArrayList<>();
          for (int i = 0; i < Math.min(tests.size(), request.maxTests()); i++) {
            failed.add(new TestVerdict(i, Verdict.CompileError, null, null, null, 0, 0, null, null, null));
          }
          return JudgeResponse.of(compile, failed, seconds(start));
        }
      }
      int judged = Math.min(tests.size(), request.maxTests());
      if (request.testsShareProcess() && judged > 1 && tests.subList(0, judged).stream().allMatch(TestCase::isAssert)) {
        return JudgeResponse.of(compile, runAssertsTogether(request, judged, language, job, slot),
            seconds(start));
      }
      List<TestVerdict> verdicts = new ArrayList<>();
      boolean failed = false;
      // Tests past max_tests are not judged and not counted; after a failure with stop_on_first_failure they are
      // listed as Skipped and count as not passed, so pass_rate stays a fraction of the judged set.
      for (int i = 0; i < judged; i++) {
        if (failed && request.stopOnFirstFailure()) {
          verdicts.add(TestVerdict.skipped(i));
          continue;
        }
        TestCase test = tests.get(i);
        TestVerdict v = test.isAssert() ? runAssert(i, request, language, test, job, slot)
            : runIo(i, request, language, test, job, slot);
        failed |= v.verdict() != Verdict.Accepted;
        verdicts.add(v);
      }
      return JudgeResponse.of(compile, verdicts, seconds(start));
    }
  }

  private TestVerdict runIo(int index, JudgeRequest request, Language language, TestCase test, JobDir job,
      WorkerSlot slot) throws IOException {
    byte[] stdin = test.stdin() == null ? null : test.stdin().getBytes(StandardCharsets.UTF_8);
    RunResult r = programs.run(language.run(), job, slot, stdin, runLimits(request.limits()));
    Verdict ifExited = r.exitCode() != 0 ? Verdict.RuntimeError
        : OutputComparator.matches(Verdicts.text(r.stdout()), test.expectedStdout(), request.compare())
            ? Verdict.Accepted : Verdict.WrongAnswer;
    return Verdicts.of(index, r, ifExited, null);
  }

  private TestVerdict runAssert(int index, JudgeRequest request, Language language, TestCase test, JobDir job,
      WorkerSlot slot) throws IOException {
    String nonce = harness.newNonce();
    byte[] payload = harness.payload(nonce, request.prelude(), List.of(test.assertCode()), request.entryPoint(),
        language.sourceFile(), null, false);
    RunResult r = programs.run(harness.command(), job, slot, payload, runLimits(request.limits()));
    AssertHarness.Report report = harness.parse(r.stdout(), nonce).get(0);
    if (report == null) {
      return Verdicts.of(index, r, Verdict.RuntimeError, "the harness reported no verdict (exit status "
          + r.exitCode() + ")").withoutStdout();
    }
    return Verdicts.of(index, r, verdictOf(report), report.detail().isEmpty() ? null : report.detail())
        .withoutStdout();
  }

  /**
   * Runs the first {@code n} (the judged) tests in one harness process, which enforces each test's limits itself.
   * The run's own limits are the sum of the tests' plus slack, a backstop; if they stop the run, the test in flight
   * takes the run's verdict and the tests after it run one per process, as without sharing.
   */
  private List<TestVerdict> runAssertsTogether(JudgeRequest request, int n, Language language, JobDir job,
      WorkerSlot slot) throws IOException {
    List<String> codes = request.tests().subList(0, n).stream().map(TestCase::assertCode).toList();
    Limits each = request.limits();
    String nonce = harness.newNonce();
    byte[] payload = harness.payload(nonce, request.prelude(), codes, request.entryPoint(), language.sourceFile(),
        each, request.stopOnFirstFailure());
    RunLimits whole = RunLimits.of(n * each.cpuS() + SHARED_SLACK_S, n * each.wallS() + SHARED_SLACK_S,
        each.memoryMb(), each.outputBytes());
    RunResult r = programs.run(harness.command(), job, slot, payload, whole);
    Map<Integer, AssertHarness.Report> reports = harness.parse(r.stdout(), nonce);
    String stderr = Verdicts.excerpt(r.stderr());
    List<TestVerdict> verdicts = new ArrayList<>();
    boolean failed = false;
    boolean runEnded = false;
    for (int i = 0; i < n; i++) {
      TestVerdict v;
      AssertHarness.Report report = runEnded ? null : reports.get(i);
      if (failed && request.stopOnFirstFailure()) {
        v = TestVerdict.skipped(i);
      } else if (report != null) {
        Verdict verdict = verdictOf(report);
        String limit = verdict == Verdict.TimeLimitExceeded ? report.detail() : null;
        String message = verdict == Verdict.TimeLimitExceeded || report.detail().isEmpty() ? null : report.detail();
        v = new TestVerdict(i, verdict, limit, null, null, report.cpuS(), report.wallS(), message, null,
            verdict == Verdict.Accepted ? null : stderr);
      } else if (!runEnded) {
        runEnded = true;
        v = Verdicts.of(i, r, Verdict.RuntimeError, "the harness reported no verdict (exit status " + r.exitCode()
            + ")").withoutStdout();
      } else {
        v = runAssert(i, request, language, request.tests().get(i), job, slot);
      }
      failed |= v.verdict() != Verdict.Accepted;
      verdicts.add(v);
    }
    return verdicts;
  }

  private static Verdict verdictOf(AssertHarness.Report report) {
    return switch (report.word()) {
      case "PASS" -> Verdict.Accepted;
      case "FAIL" -> Verdict.WrongAnswer;
      case "TIMEOUT" -> Verdict.TimeLimitExceeded;
      default -> Verdict.RuntimeError;
    };
  }

  static RunLimits runLimits(Limits l) {
    return RunLimits.of(l.cpuS(), l.wallS(), l.memoryMb(), l.outputBytes());
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
