package dev.orl.sandbox.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.sandbox.isolation.SandboxPaths;
import dev.orl.sandbox.protocol.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trusted Python harness for assert tests (see {@code assert_harness.py} for why its verdict cannot be forged):
 * builds its stdin payload with a fresh nonce and reads back the one verdict line stamped with that nonce.
 */
final class AssertHarness {
  static final String FILE = "harness.py";
  private final String source;
  private final SecureRandom random = new SecureRandom();
  private final ObjectMapper json;
  private final boolean pythonNoSite;

  /**
   * The harness's report on one test, with the CPU the candidate used and the wall time the test took: PASS, FAIL
   * (an assert failed), ERROR (the candidate raised or died), HARNESS_ERROR, or TIMEOUT (in a shared run, the test
   * went over its own CPU or wall limit; {@code detail} says {@code cpu} or {@code wall}).
   */
  record Report(String word, String detail, double cpuS, double wallS) {}

  AssertHarness(ObjectMapper json, boolean pythonNoSite) {
    this.json = json;
    this.pythonNoSite = pythonNoSite;
    try (InputStream in = AssertHarness.class.getResourceAsStream("assert_harness.py")) {
      if (in == null) {
        throw new IllegalStateException("assert_harness.py missing from the sandbox jar");
      }
      this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String source() {
    return source;
  }

  List<String> command() {
    return Languages.python(pythonNoSite, SandboxPaths.CODE + "/" + FILE);
  }

  String newNonce() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * The harness's stdin for {@code tests}, run one after another in one harness process. {@code perTest} limits are
   * enforced by the harness per test (null when the run holds one test and its own limits decide).
   */
  byte[] payload(String nonce, String prelude, List<String> tests, String entryPoint, String sourceFile,
      Limits perTest, boolean stopOnFirstFailure) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("nonce", nonce);
    p.put("prelude", prelude);
    p.put("tests", tests);
    p.put("entry_point", entryPoint);
    p.put("source", sourceFile);
    if (perTest != null) {
      p.put("test_cpu_s", perTest.cpuS());
      p.put("test_wall_s", perTest.wallS());
    }
    p.put("stop_on_first_failure", stopOnFirstFailure);
    try {
      return json.writeValueAsBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The verdict lines stamped with {@code nonce}, by test index; any other line on stdout is ignored. */
  Map<Integer, Report> parse(byte[] stdout, String nonce) {
    String prefix = nonce + " ";
    Map<Integer, Report> reports = new HashMap<>();
    for (String line : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
      if (!line.startsWith(prefix)) {
        continue;
      }
      String[] parts = line.substring(prefix.length()).split(" ", 3);
      if (parts.length < 2) {
        continue;
      }
      int index;
      try {
        index = Integer.parseInt(parts[0]);
      } catch (NumberFormatException e) {
        continue;
      }
      String detail = "";
      double cpu = 0;
      double wall = 0;
      if (parts.length == 3) {
        try {
          JsonNode fields = json.readTree(parts[2]);
          detail = fields.path("detail").asText("");
          cpu = fields.path("cpu_s").asDouble(0);
          wall = fields.path("wall_s").asDouble(0);
        } catch (IOException e) {
          detail = parts[2];
        }
      }
      reports.putIfAbsent(index, new Report(parts[1], detail, cpu, wall));
    }
    return reports;
  }
}
