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
import java.util.Optional;

/**
 * Judges one program against many tests: compiles once, runs each test in a fresh sandbox, compares stdout with the
 * expected output in Java (which never enters the sandbox), and runs assert tests through the trusted harness.
 */
public final class Judge {
  /** CPU seconds a compiler may use (a compile-time bomb is a CompileError, not a hung worker). */
  public static final double COMPILE_CPU_S = 10;

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
      List<TestVerdict> verdicts = new ArrayList<>();
      boolean failed = false;
      // Tests past max_tests are not judged and not counted; after a failure with stop_on_first_failure they are
      // listed as Skipped and count as not passed, so pass_rate stays a fraction of the judged set.
      for (int i = 0; i < Math.min(tests.size(), request.maxTests()); i++) {
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
    byte[] payload = harness.payload(nonce, request.prelude(), test.assertCode(), request.entryPoint(),
        language.sourceFile());
    RunResult r = programs.run(harness.command(), job, slot, payload, runLimits(request.limits()));
    Optional<AssertHarness.Report> report = harness.parse(r.stdout(), nonce);
    Verdict ifExited;
    String message;
    if (report.isEmpty()) {
      ifExited = Verdict.RuntimeError;
      message = "the harness reported no verdict (exit status " + r.exitCode() + ")";
    } else {
      ifExited = switch (report.get().word()) {
        case "PASS" -> Verdict.Accepted;
        case "FAIL" -> Verdict.WrongAnswer;
        default -> Verdict.RuntimeError;
      };
      message = report.get().detail().isEmpty() ? null : report.get().detail();
    }
    return Verdicts.of(index, r, ifExited, message).withoutStdout();
  }

  static RunLimits runLimits(Limits l) {
    return RunLimits.of(l.cpuS(), l.wallS(), l.memoryMb(), l.outputBytes());
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
