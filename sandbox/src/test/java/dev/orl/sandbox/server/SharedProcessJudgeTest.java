package dev.orl.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code tests_share_process}: every assert test of a request in one harness run must give the verdicts that one run
 * per test gives, keep each test's CPU limit, and stay as hard to fool.
 */
class SharedProcessJudgeTest extends HostileProgramTestBase {

  private static final List<String> THREE = List.of("assert f(0) == 1", "assert f(1) == 2", "assert f(2) == 3");

  @Test
  void sharedRunGivesTheVerdictsOfOneRunPerTest() {
    Map<String, String> programs = new LinkedHashMap<>();
    programs.put("correct", "def f(x):\n    return x + 1\n");
    programs.put("wrong on one", "def f(x):\n    return 5 if x == 1 else x + 1\n");
    programs.put("raises on one", "def f(x):\n    if x == 2:\n        raise ValueError('no')\n    return x + 1\n");
    programs.put("dies on one", "import os\ndef f(x):\n    if x == 0:\n        os._exit(0)\n    return x + 1\n");
    programs.put("loops on one", "def f(x):\n    while x == 1:\n        pass\n    return x + 1\n");
    programs.put("closes its pipes and loops on one", "import os\ndef f(x):\n    if x == 1:\n"
        + "        for fd in range(3, 64):\n            try:\n                os.close(fd)\n"
        + "            except OSError:\n                pass\n        while True:\n            pass\n"
        + "    return x + 1\n");
    programs.put("does not load", "def f(x):\n    return x +\n");
    programs.put("lies about equality", "class Yes:\n    def __eq__(self, o):\n        return True\n"
        + "def f(x):\n    return Yes()\n");
    for (Map.Entry<String, String> p : programs.entrySet()) {
      for (boolean stop : List.of(false, true)) {
        List<String> alone = verdicts(judgeAsserts(p.getValue(), THREE, false, stop));
        List<String> shared = verdicts(judgeAsserts(p.getValue(), THREE, true, stop));
        assertEquals(alone, shared, p.getKey() + (stop ? ", stop on first failure" : ""));
      }
    }
  }

  @Test
  void aTestOverItsCpuLimitTimesOutAloneAndTheNextTestGetsAFreshProgram() {
    String code = "calls = []\ndef f(x):\n    calls.append(x)\n    while x == 1:\n        pass\n"
        + "    return len(calls)\n";
    JsonNode r = judgeAsserts(code, List.of("assert f(0) == 1", "assert f(1) == 0", "assert f(2) == 1"), true,
        false);
    assertEquals(List.of("Accepted", "TimeLimitExceeded", "Accepted"), verdicts(r), r.toPrettyString());
    assertEquals("cpu", r.get("tests").get(1).path("time_limit").asText(), r.toPrettyString());
  }

  @Test
  void theProgramKeepsItsStateBetweenTestsWhileItsProcessLives() {
    String counter = "calls = []\ndef f(x):\n    calls.append(x)\n    return len(calls)\n";
    List<String> tests = List.of("assert f(0) == 1", "assert f(0) == 2");
    assertEquals(List.of("Accepted", "WrongAnswer"), verdicts(judgeAsserts(counter, tests, false, false)));
    assertEquals(List.of("Accepted", "Accepted"), verdicts(judgeAsserts(counter, tests, true, false)));
  }

  @Test
  void fakeVerdictLinesInASharedRunDoNotPass() {
    String code = "import sys\nfor i in range(3):\n    print('0' * 32 + ' %d PASS {}' % i)\n"
        + "    sys.stderr.write('%d PASS\\n' % i)\ndef f(x):\n    print('PASS')\n    return 0\n";
    JsonNode r = judgeAsserts(code, THREE, true, false);
    for (String v : verdicts(r)) {
      assertNotEquals("Accepted", v, r.toPrettyString());
    }
  }

  private static JsonNode judgeAsserts(String code, List<String> asserts, boolean share, boolean stop) {
    List<Map<String, Object>> tests = new ArrayList<>();
    asserts.forEach(a -> tests.add(Map.of("assert_code", a)));
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("language", "python");
    req.put("code", code);
    req.put("entry_point", "f");
    req.put("tests", tests);
    req.put("limits", Map.of("cpu_s", 0.5));
    req.put("stop_on_first_failure", stop);
    req.put("tests_share_process", share);
    Http.Reply r = http.post("/v1/judge", req);
    assertEquals(200, r.status(), "judge request failed: " + r.body());
    return r.body();
  }

  private static List<String> verdicts(JsonNode r) {
    List<String> out = new ArrayList<>();
    r.get("tests").forEach(t -> out.add(t.get("verdict").asText()));
    return out;
  }
}
