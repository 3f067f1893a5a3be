package dev.orl.sandbox.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.sandbox.isolation.SandboxPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** The harness's report: PASS, FAIL (an assert failed), ERROR (the candidate raised or died), HARNESS_ERROR. */
  record Report(String word, String detail) {}

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

  byte[] payload(String nonce, String prelude, String test, String entryPoint, String sourceFile) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("nonce", nonce);
    p.put("prelude", prelude);
    p.put("test", test);
    p.put("entry_point", entryPoint);
    p.put("source", sourceFile);
    try {
      return json.writeValueAsBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The verdict line stamped with {@code nonce}; any other line on stdout is ignored. */
  Optional<Report> parse(byte[] stdout, String nonce) {
    String prefix = nonce + " ";
    for (String line : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith(prefix)) {
        String rest = line.substring(prefix.length());
        int space = rest.indexOf(' ');
        String word = space < 0 ? rest : rest.substring(0, space);
        String detail = "";
        try {
          detail = space < 0 ? "" : json.readValue(rest.substring(space + 1), String.class);
        } catch (IOException e) {
          detail = rest.substring(space + 1);
        }
        return Optional.of(new Report(word, detail));
      }
    }
    return Optional.empty();
  }
}
