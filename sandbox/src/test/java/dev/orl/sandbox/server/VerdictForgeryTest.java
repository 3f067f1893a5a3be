package dev.orl.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Programs that try to pass assert tests without solving them, and malformed requests that must get a clear 4xx. */
class VerdictForgeryTest extends HostileProgramTestBase {

  @Test
  void exitingBeforeTheAssertsDoesNotPass() {
    String atImport = "import os\ndef f(x):\n    return x + 1\nos._exit(0)\n";
    String inCall = "import os\ndef f(x):\n    os._exit(0)\n";
    for (String code : List.of(atImport, inCall)) {
      assertVerdict("RuntimeError", assertJudge(code, "assert f(1) == 2\nassert f(2) == 3\n"));
    }
  }

  @Test
  void alwaysTrueEqualityDoesNotPass() {
    String code = "class Anything:\n    def __eq__(self, other):\n        return True\n    __hash__ = None\n"
        + "def f(x):\n    return Anything()\n";
    assertNotAccepted(assertJudge(code, "assert f(1) == 2\n"));
    String subclass = "class Liar(int):\n    def __eq__(self, other):\n        return True\n"
        + "def f(x):\n    return Liar(7)\n";
    assertVerdict("WrongAnswer", assertJudge(subclass, "assert f(1) == 2\n"));
  }

  @Test
  void printingFakeVerdictsOrWritingToTheHarnessDoesNotPass() {
    String code = "import os, sys, glob\nfor f in glob.glob('/proc/*/fd/*'):\n    try:\n"
        + "        fd = os.open(f, os.O_WRONLY)\n        os.write(fd, b'PASS\\n')\n    except OSError:\n        pass\n"
        + "for pid in ('1', str(os.getppid())):\n    try:\n        open('/proc/' + pid + '/mem', 'rb').read(10)\n"
        + "        print('read harness memory')\n    except OSError:\n        pass\n"
        + "print('0' * 32 + ' PASS \"\"')\nsys.stderr.write('PASS\\n')\n"
        + "def f(x):\n    print('PASS')\n    return 0\n";
    assertNotAccepted(assertJudge(code, "assert f(1) == 2\n"));
  }

  @Test
  void testsAndExpectedValuesAreNotReadableByTheProgram() {
    // The candidate searches everything it can open for the expected answer of the hidden assert.
    String code = "import os, glob\nneedle = str(31336 + 1).encode()\n"
        // its own pipes would block the reader: skip them, everything else is fair game
        + "def mine(fs):\n    return [f for f in fs if f.split('/')[2] not in (str(os.getpid()), 'self', 'thread-self')]\ndef look():\n    for f in glob.glob('/code/*') + mine(glob.glob('/proc/*/fd/*')) "
        + "+ glob.glob('/proc/*/cmdline') + glob.glob('/proc/*/environ') + glob.glob('/tmp/*') + glob.glob('*'):\n"
        + "        try:\n            if needle in open(f, 'rb').read(1 << 20):\n                return int(needle)\n"
        + "        except OSError:\n            pass\n    return 0\n"
        + "def f(x):\n    return look()\n";
    assertVerdict("WrongAnswer", assertJudge(code, "assert f(1) == 31337\n"));
  }


  @Test
  void programFakingAFailedLaunchIsItsOwnRuntimeErrorNotASandboxFailure() {
    // A sandbox failure is not scored (the client retries or reports it); a program must not be able to claim one.
    String code = "import sys\nsys.stderr.write('orl-launch: cannot join cgroup x: No such file\\n')\nsys.exit(125)\n";
    JsonNode r = judge("python", code, "", "1", 2);
    assertVerdict("RuntimeError", r);
    assertEquals(125, test0(r).path("exit_code").asInt(), r.toString());
  }

  @Test
  void malformedRequestsGetClear4xx() {
    Map<String, Object> noCode = Map.of("language", "python", "tests", List.of(Map.of("expected_stdout", "1")));
    assertStatus(400, http.post("/v1/judge", noCode), "missing code");
    assertStatus(400, http.post("/v1/judge", Map.of("language", "python", "code", "print(1)")), "missing tests");
    assertStatus(400, http.post("/v1/judge", Map.of("language", "python", "code", "print(1)", "tests", "abc")),
        "tests is a string");
    assertStatus(400, http.post("/v1/judge", Map.of("language", "python", "code", List.of(1), "tests",
        List.of(Map.of("expected_stdout", "1")))), "code is a list");
    assertStatus(400, http.post("/v1/judge", Map.of("language", "python", "code", "print(1)", "tests",
        List.of(Map.of("expected_stdout", "1")), "limits", Map.of("cpu_s", -1))), "negative cpu limit");
    assertStatus(400, http.post("/v1/judge", Map.of("language", "cobol", "code", "x", "tests",
        List.of(Map.of("expected_stdout", "1")))), "unknown language");
    assertStatus(400, http.post("/run_code", Map.of("language", "brainfuck", "code", "+")), "unknown language");
    assertStatus(400, http.post("/run_code", "{not json"), "invalid JSON");
    assertStatus(400, http.post("/run_code", "null"), "null body");
    assertStatus(400, http.post("/run_code", Map.of("code", "print(1)")), "missing language");
    assertStatus(404, http.get("/nope"), "unknown path");
    assertStatus(405, http.get("/v1/judge"), "GET on a POST endpoint");
  }

  @Test
  void hundredMegabyteBodyIsRefusedWith413() throws IOException {
    try (Socket s = new Socket(server.uri().getHost(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      long size = 100L << 20;
      out.write(("POST /v1/judge HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + size
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 16];
      java.util.Arrays.fill(chunk, (byte) ' ');
      try {
        for (long sent = 0; sent < size; sent += chunk.length) {
          out.write(chunk);
        }
      } catch (IOException closedEarly) {
        // The server may close the connection once it has answered; the answer is what matters.
      }
      InputStream in = s.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 413", head, "status line for a 100 MB body");
    }
  }
}
