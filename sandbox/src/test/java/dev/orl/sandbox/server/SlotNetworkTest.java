package dev.orl.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orl.sandbox.isolation.Isolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The per-slot network namespace (entered by orl-launch instead of bwrap's per-run --unshare-net) gives a program
 * exactly what a fresh namespace gives: loopback only, not the host's, and nothing left by the slot's earlier runs.
 * The sh + setpriv prologue (hosts without a C compiler) keeps the same containment.
 */
class SlotNetworkTest {
  private static final String CONTAINED = "import os, socket\nbad = []\n"
      + "names = [n for _, n in socket.if_nameindex()]\nif names != ['lo']: bad.append(names)\n"
      + "if os.readlink('/proc/self/ns/net') == '%s': bad.append('host network namespace')\n"
      + "if os.getuid() == 0 or 'CapEff:\\t0000000000000000' not in open('/proc/self/status').read():\n"
      + "    bad.append('privileged')\n"
      + "srv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nsrv.listen(1)\n"
      + "socket.create_connection(srv.getsockname(), timeout=1).close()\n"
      + "print('contained' if not bad else bad)\n";

  @Test
  void slotNamespaceHasOnlyItsOwnWorkingLoopback() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")) && (Files.isExecutable(Path.of("/usr/sbin/ip"))
        || Files.isExecutable(Path.of("/sbin/ip"))), "needs gcc (orl-launch) and ip (slot namespaces)");
    try (SandboxServer server = SandboxServer.start(ServerConfig.defaults().withWorkers(1))) {
      Http http = new Http(server.uri());
      String isolation = http.get("/v1/info").body().get("isolation").asText();
      assertTrue(isolation.contains("slot-netns") && isolation.contains("orl-launch"),
          "a root host with gcc and ip should use the fast launch path, got " + isolation);
      assertEquals("contained", stdout(http, CONTAINED.formatted(hostNetns())));
    }
  }

  @Test
  void listenerLeftByAnEarlierRunIsGoneInTheSlotsNextRun() throws IOException {
    int port = 20000 + ThreadLocalRandom.current().nextInt(20000);
    String listen = "import os, socket, time\nr, w = os.pipe()\nif os.fork() == 0:\n    os.setsid()\n"
        + "    s = socket.socket()\n    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
        + "    s.bind(('127.0.0.1', " + port + "))\n    s.listen(8)\n    os.write(w, b'x')\n"
        + "    while True:\n        time.sleep(1)\nos.read(r, 1)\nprint('listening')\n";
    String probe = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', " + port + "), timeout=1)\n"
        + "    print('reached a listener of an earlier run')\nexcept OSError:\n    s = socket.socket()\n"
        + "    s.bind(('127.0.0.1', " + port + "))\n    print('fresh')\n";
    // One worker: both runs use the same slot, and so the same network namespace when there is one.
    try (SandboxServer server = SandboxServer.start(ServerConfig.defaults().withWorkers(1))) {
      Http http = new Http(server.uri());
      assertEquals("listening", stdout(http, listen));
      assertEquals("fresh", stdout(http, probe));
    }
  }

  @Test
  void aLostSlotNamespaceIsASandboxFailureNotAProgramVerdict() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "needs gcc (orl-launch)");
    try (SandboxServer server = SandboxServer.start(ServerConfig.defaults().withWorkers(1))) {
      Http http = new Http(server.uri());
      assumeTrue(http.get("/v1/info").body().get("isolation").asText().contains("slot-netns"), "needs slot netns");
      String name = "orl-sandbox-" + ProcessHandle.current().pid() + "-0";
      Process del = new ProcessBuilder("ip", "netns", "delete", name).inheritIO().start();
      assertEquals(0, del.waitFor(), "could not delete " + name);
      Http.Reply r = http.post("/run_code", Map.of("language", "python", "code", "print(1)"));
      assertEquals(503, r.status(), "the launch cannot enter the slot's namespace: " + r.body());
      assertTrue(r.body().path("message").asText().contains("network namespace"), r.body().toString());
    }
  }

  @Test
  void scriptPrologueKeepsTheSameContainment() throws IOException {
    try (SandboxServer server = SandboxServer.start(
        ServerConfig.defaults().withWorkers(1).withIsolation(Isolation.Request.SCRIPT_LAUNCHER))) {
      Http http = new Http(server.uri());
      JsonNode info = http.get("/v1/info").body();
      assertEquals("bubblewrap+setpriv+cgroup-v", info.get("isolation").asText().replaceAll("\\d+$", ""),
          "the script prologue with per-run namespaces: " + info);
      assertTrue(info.get("isolation_warnings").isEmpty(), "full isolation expected: " + info);
      assertEquals("contained", stdout(http, CONTAINED.formatted(hostNetns())));
    }
  }

  private static String hostNetns() throws IOException {
    return Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
  }

  private static String stdout(Http http, String code) {
    Http.Reply r = http.post("/run_code", Map.of("language", "python", "code", code, "run_timeout", 5));
    assertEquals(200, r.status(), "run_code: " + r.body());
    assertEquals("Success", r.body().path("status").asText(), "run of\n" + code + "\n" + r.body().toPrettyString());
    return r.body().path("run_result").path("stdout").asText().strip();
  }
}
