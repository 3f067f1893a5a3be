package dev.orl.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orl.sandbox.client.SandboxClient;
import dev.orl.sandbox.protocol.JudgeRequest;
import dev.orl.sandbox.protocol.JudgeResponse;
import dev.orl.sandbox.protocol.Limits;
import dev.orl.sandbox.protocol.TestCase;
import dev.orl.sandbox.protocol.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Under load (200 requests from 16 threads against 2 workers) every request gets a verdict or a clear 429/503 with
 * Retry-After, and a correct program needing 0.2 s of CPU is never judged TimeLimitExceeded, even though its wall
 * time (queueing aside) stretches beyond 0.2 s when other work competes for the cores.
 */
@Tag("slow")
class LoadTest {
  private static final String BUSY_0_2_S = "import time\nt = time.process_time()\n"
      + "while time.process_time() - t < 0.2:\n    pass\nprint(input())\n";
  private static final int THREADS = 16;

  private static Map<String, Object> request(int i) {
    return Map.of("language", "python", "code", BUSY_0_2_S, "limits", Map.of("cpu_s", 1),
        "tests", List.of(Map.of("stdin", "r" + i, "expected_stdout", "r" + i)));
  }

  @Test
  void everyRequestGetsAVerdictOrAClearRefusalAndNoFalseTimeouts() throws Exception {
    try (SandboxServer server = SandboxServer.start(ServerConfig.defaults().withWorkers(2))) {
      Http http = new Http(server.uri());
      Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
      List<String> bad = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int id = i;
        futures.add(pool.submit(() -> {
          Http.Reply r = http.post("/v1/judge", request(id));
          String key;
          if (r.status() == 200) {
            key = r.body().get("tests").get(0).get("verdict").asText();
            if (!key.equals("Accepted")) {
              bad.add("request " + id + ": " + r.body());
            }
          } else {
            key = "HTTP " + r.status();
            if ((r.status() != 429 && r.status() != 503) || r.retryAfter() == null || !r.body().has("error")) {
              bad.add("request " + id + " got an unclear refusal: " + r.status() + " " + r.body());
            }
          }
          outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      System.err.println("load outcomes (raw HTTP, no retries): " + outcomes);
      assertTrue(bad.isEmpty(), bad.size() + " requests without a verdict or clear refusal:\n" + String.join("\n", bad));
      assertTrue(outcomes.getOrDefault("Accepted", new AtomicInteger()).get() >= 100,
          "most requests fit the default queue and must be judged: " + outcomes);
    }
  }

  @Test
  void aFullQueueRefusesWith429AndRetryAfter() throws Exception {
    try (SandboxServer server = SandboxServer.start(ServerConfig.defaults().withWorkers(1).withQueueCapacity(1))) {
      Http http = new Http(server.uri());
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Http.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(() -> http.post("/v1/judge", Map.of("language", "python",
            "code", "import time\ntime.sleep(0.3)\nprint(1)", "tests", List.of(Map.of("expected_stdout", "1"))))));
      }
      int refused = 0;
      for (Future<Http.Reply> f : futures) {
        Http.Reply r = f.get();
        if (r.status() == 429) {
          refused++;
          assertEquals("1", r.retryAfter(), "Retry-After of a 429");
        } else {
          assertEquals(200, r.status(), "neither judged nor refused: " + r.body());
        }
      }
      pool.shutdown();
      assertTrue(refused >= THREADS - 4, refused + " of " + THREADS + " refused; 1 worker + 1 queued fit");
    }
  }

  @Test
  void clientWithRetriesGetsEveryVerdictThroughAFullQueue() throws Exception {
    try (SandboxServer server = SandboxServer.start(ServerConfig.defaults().withWorkers(2).withQueueCapacity(2));
         SandboxClient client = SandboxClient.builder().url(server.uri()).deadline(Duration.ofSeconds(120))
             .maxAttempts(1000).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<JudgeResponse>> futures = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        String tag = "c" + i;
        JudgeRequest req = new JudgeRequest("python", BUSY_0_2_S, List.of(TestCase.io(tag, tag)), null, null, null,
            new Limits(1.0, null, null, null), null, null, null);
        futures.add(pool.submit(() -> client.judge(req)));
      }
      for (Future<JudgeResponse> f : futures) {
        JudgeResponse r = f.get();
        assertEquals(Verdict.Accepted, r.tests().get(0).verdict(), "verdict under load: " + r);
      }
      pool.shutdown();
    }
  }
}
