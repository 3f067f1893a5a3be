package dev.orl.sandbox.bench;

import dev.orl.sandbox.client.SandboxClient;
import dev.orl.sandbox.protocol.JudgeRequest;
import dev.orl.sandbox.protocol.JudgeResponse;
import dev.orl.sandbox.protocol.TestCase;
import dev.orl.sandbox.protocol.Verdict;
import dev.orl.sandbox.server.SandboxServer;
import dev.orl.sandbox.server.ServerConfig;
import java.io.File;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orl bench sandbox}: starts a server in-process, measures judged executions per second and p50/p99 latency
 * over HTTP for a trivial Python program at several client concurrencies, next to bare {@code python3 -c} spawns
 * measured in the same run, and prints a markdown table on stdout. At the highest concurrency it also compares
 * requests of several assert tests judged one process per test and in one shared process ({@code tests_share_process}).
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = "Judged executions/s and latency of the sandbox vs bare python3 spawns (markdown on stdout).")
public final class SandboxBenchCommand implements Callable<Integer> {
  private static final String PYTHON = "/usr/bin/python3";

  @Option(names = "--requests", description = "Runs per row. Default: ${DEFAULT-VALUE}.")
  int requests = 200;

  @Option(names = "--concurrency", split = ",", description = "Client concurrencies. Default: 1,2,8.")
  int[] concurrency = {1, 2, 8};

  @Option(names = "--workers", description = "Server workers. Default: the server's default (twice the number of cores).")
  Integer workers;

  @Option(names = "--python-no-site", description = "Serve Python with -S (opt-in server option; not the default).")
  boolean pythonNoSite;

  @Option(names = "--warmup", description = "Most judged requests to warm up with before measuring; warm-up ends "
      + "sooner once the JIT compiler has settled. Default: ${DEFAULT-VALUE}.")
  int warmup = 2000;

  @Option(names = "--assert-tests", description = "Assert tests per request in the shared-process comparison; 0 "
      + "skips it. Default: ${DEFAULT-VALUE} (like MBPP and orl's synthetic Python tasks).")
  int assertTests = 3;

  /** One row of the table; {@code latencies} in nanoseconds, sorted. */
  record Row(String what, int concurrency, int runs, double seconds, long[] latencies) {
    double perSecond() {
      return runs / seconds;
    }

    double percentileMillis(double q) {
      return latencies[Math.min(latencies.length - 1, (int) Math.ceil(latencies.length * q) - 1)] / 1e6;
    }
  }

  private static final int CHUNK = 25;
  private static final int WARMUP_CHUNK = 100;
  private static final double SETTLED_COMPILE_SHARE = 0.05;

  private static Row merge(String what, List<Row> chunks) {
    long[] all = chunks.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
    double seconds = chunks.stream().mapToDouble(Row::seconds).sum();
    return new Row(what, chunks.get(0).concurrency(), all.length, seconds, all);
  }

  @Override
  public Integer call() throws Exception {
    int w = workers == null ? ServerConfig.defaultWorkers() : workers;
    List<Row> rows = new ArrayList<>();
    try (SandboxServer server = SandboxServer.start(ServerConfig.defaults().withWorkers(w).withQueueCapacity(256)
        .withPythonNoSite(pythonNoSite));
         SandboxClient client = SandboxClient.builder().url(server.uri()).deadline(Duration.ofSeconds(120))
             .maxConcurrency(64).build()) {
      JudgeRequest trivial = JudgeRequest.of("python", "print(1)", List.of(TestCase.io("", "1")));
      warmUp(client, trivial);
      for (int c : concurrency) {
        // Interleaved in chunks so that both sides see the same machine: on a shared host the load moves by the
        // second, and two long back-to-back measurements would compare different machines.
        List<Row> judgedChunks = new ArrayList<>();
        List<Row> bareChunks = new ArrayList<>();
        for (int done = 0; done < requests; done += CHUNK) {
          int n = Math.min(CHUNK, requests - done);
          judgedChunks.add(measure("judged", c, n, () -> judged(client, trivial)));
          bareChunks.add(measure("bare", c, n, SandboxBenchCommand::bareSpawn));
        }
        rows.add(merge("/v1/judge over HTTP (" + server.info().isolation() + (pythonNoSite ? ", python -S" : "")
            + ")", judgedChunks));
        rows.add(merge("bare `python3 -c 'print(1)'` spawn", bareChunks));
      }
      if (assertTests > 0) {
        rows.addAll(compareSharing(client, Arrays.stream(concurrency).max().orElse(1)));
      }
      print(System.out, rows, server.info().isolation(), w);
    }
    return 0;
  }

  /**
   * Runs judged requests in chunks until the JIT compiler's share of a chunk's wall time falls below
   * {@link #SETTLED_COMPILE_SHARE} (or {@link #warmup} requests): until then the server's and client's Java code is
   * still being compiled, which here costs several ms of CPU per request for the first thousand or so, and the
   * figures would measure the compiler rather than the steady state a long-running server reaches.
   */
  private void warmUp(SandboxClient client, JudgeRequest trivial) throws Exception {
    java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    int done = 0;
    double share = Double.NaN;
    while (done < warmup) {
      long compile0 = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
      int n = Math.min(WARMUP_CHUNK, warmup - done);
      Row chunk = measure("warm-up", 4, n, () -> judged(client, trivial));
      done += n;
      if (!jit.isCompilationTimeMonitoringSupported()) {
        continue;
      }
      share = (jit.getTotalCompilationTime() - compile0) / 1e3 / chunk.seconds();
      if (share < SETTLED_COMPILE_SHARE) {
        break;
      }
    }
    System.err.printf("warm-up: %d judged requests, JIT compiling %.1f%% of the last chunk's wall time%n", done,
        100 * share);
  }

  /** Requests of {@link #assertTests} assert tests, a process per test against one shared process, interleaved. */
  private List<Row> compareSharing(SandboxClient client, int c) throws Exception {
    List<TestCase> tests = new ArrayList<>();
    for (int i = 0; i < assertTests; i++) {
      tests.add(TestCase.asserts("assert add(" + i + ", 1) == " + (i + 1)));
    }
    String code = "def add(a, b):\n    return a + b\n";
    JudgeRequest alone = new JudgeRequest("python", code, tests, "add", null, null, null, null, null, false);
    JudgeRequest shared = new JudgeRequest("python", code, tests, "add", null, null, null, null, null, true);
    List<Row> aloneChunks = new ArrayList<>();
    List<Row> sharedChunks = new ArrayList<>();
    for (int done = 0; done < requests; done += CHUNK) {
      int n = Math.min(CHUNK, requests - done);
      aloneChunks.add(measure("alone", c, n, () -> judged(client, alone)));
      sharedChunks.add(measure("shared", c, n, () -> judged(client, shared)));
    }
    return List.of(merge("/v1/judge, " + assertTests + " assert tests, a process per test (requests)", aloneChunks),
        merge("/v1/judge, " + assertTests + " assert tests, `tests_share_process` (requests)", sharedChunks));
  }

  private static void judged(SandboxClient client, JudgeRequest request) throws Exception {
    JudgeResponse r = client.judge(request);
    if (!r.allPassed()) {
      throw new IllegalStateException("correct program not accepted: " + r);
    }
  }

  private static void bareSpawn() throws Exception {
    Process p = new ProcessBuilder(PYTHON, "-c", "print(1)").redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("python3 exited with " + p.exitValue());
    }
  }

  private interface Run {
    void run() throws Exception;
  }

  private static Row measure(String what, int concurrency, int runs, Run run) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      long[] latencies = new long[runs];
      List<Future<?>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          long t = System.nanoTime();
          run.run();
          latencies[index] = System.nanoTime() - t;
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(latencies);
      return new Row(what, concurrency, runs, seconds, latencies);
    } finally {
      pool.shutdownNow();
    }
  }

  static void print(PrintStream out, List<Row> rows, String isolation, int workers) {
    out.printf("Sandbox throughput, %s, %d workers, %d cores, load average %.1f, %s%n%n", isolation, workers,
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Instant.now().toString().substring(0, 10));
    out.println("| what | client concurrency | runs | runs/s | p50 ms | p99 ms |");
    out.println("|---|---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      out.printf("| %s | %d | %d | %.1f | %.1f | %.1f |%n", r.what(), r.concurrency(), r.runs(), r.perSecond(),
          r.percentileMillis(0.5), r.percentileMillis(0.99));
    }
  }
}
