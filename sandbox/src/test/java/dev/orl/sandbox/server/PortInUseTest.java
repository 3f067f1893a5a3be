package dev.orl.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A server that cannot bind says which address was taken and leaves no job directory behind. */
class PortInUseTest {
  @Test
  void portInUseNamesHostAndPort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Path> before = jobRoots();
      IOException e = assertThrows(IOException.class,
          () -> SandboxServer.start(ServerConfig.defaults().withWorkers(1).withPort(taken.getLocalPort())));
      assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
          e.getMessage());
      assertEquals(before, jobRoots(), "the failed server's job directory must be removed");
    }
  }

  private static List<Path> jobRoots() throws IOException {
    List<Path> roots = new ArrayList<>();
    for (Path parent : List.of(Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")))) {
      if (Files.isDirectory(parent)) {
        try (Stream<Path> s = Files.list(parent)) {
          s.filter(p -> p.getFileName().toString().startsWith("orl-sandbox-jobs-" + ProcessHandle.current().pid()))
              .sorted().forEach(roots::add);
        }
      }
    }
    return roots;
  }
}
