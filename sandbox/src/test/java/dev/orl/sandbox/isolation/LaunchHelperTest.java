package dev.orl.sandbox.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** orl-launch, the privileged prologue of every run: what it sets, and that any failure stops the launch. */
class LaunchHelperTest {
  private static final int UID = 64990;
  private static Path dir;
  private static Path helper;

  @BeforeAll
  static void build() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "needs gcc");
    assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "needs root (uid switch)");
    dir = Files.createTempDirectory("orl-launch-test");
    helper = LaunchHelper.build(dir).orElseThrow(() -> new AssertionError("orl-launch did not build"));
  }

  @AfterAll
  static void clean() throws IOException {
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  @Test
  void switchesUidDropsEveryCapabilityAndSetsLimitsWithAnEmptyEnvironment() throws Exception {
    Result r = launch("--rlimit", "nofile=64:64", "--rlimit", "cpu=3:4", "--uid", "" + UID, "--",
        "/bin/sh", "-c", "cat /proc/self/status /proc/self/limits; echo env=$(env | grep -v '^PWD=' | wc -l)");
    assertEquals(0, r.exit(), r.output());
    String ids = UID + "\t" + UID + "\t" + UID + "\t" + UID;
    for (String line : List.of("Uid:\t" + ids, "Gid:\t" + ids, "CapInh:\t0000000000000000",
        "CapPrm:\t0000000000000000", "CapEff:\t0000000000000000", "CapBnd:\t0000000000000000",
        "CapAmb:\t0000000000000000", "NoNewPrivs:\t1", "env=0")) {
      assertTrue(r.output().contains(line + "\n"), "expected '" + line + "' in\n" + r.output());
    }
    assertTrue(r.output().matches("(?s).*Groups:\\s*\n.*"), "no supplementary groups expected in\n" + r.output());
    assertTrue(r.output().matches("(?s).*Max open files\\s+64\\s+64\\s.*"), "nofile 64 expected in\n" + r.output());
    assertTrue(r.output().matches("(?s).*Max cpu time\\s+3\\s+4\\s.*"), "cpu 3:4 expected in\n" + r.output());
  }

  @Test
  void anyFailureStopsTheLaunchBeforeTheProgramRuns() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path marker = shared.resolve("ran");
    List<String> run = List.of("--uid", "" + UID, "--", "/usr/bin/touch", marker.toString());
    assertEquals(0, launch(run.toArray(String[]::new)).exit(), "a valid launch runs the program");
    assertTrue(Files.deleteIfExists(marker), "a valid launch runs the program as the slot's uid");
    List<List<String>> bad = List.of(List.of("--rlimit", "bogus=1:2"), List.of("--rlimit", "cpu=x:1"),
        List.of("--rlimit", "nofile=-1:5"), List.of("--cgroup", "/nonexistent/cgroup.procs"),
        List.of("--netns", "/nonexistent/netns"), List.of("--uid", "-5"), List.of("--uid", "0"),
        List.of("--gid", "0"), List.of("--unknown", "1"));
    for (List<String> options : bad) {
      List<String> args = new ArrayList<>(options);
      args.addAll(run);
      Result r = launch(args.toArray(String[]::new));
      assertEquals(Launcher.LAUNCH_FAILED, r.exit(), options + " must fail the launch: " + r.output());
      assertFalse(Files.exists(marker), options + " must not run the program");
    }
    assertEquals(Launcher.LAUNCH_FAILED, launch("--", "/usr/bin/touch", marker.toString()).exit(),
        "without --uid nothing runs (as root)");
    assertEquals(Launcher.LAUNCH_FAILED, launch("--uid", "" + UID).exit(), "no command");
    assertFalse(Files.exists(marker), "nothing ran");
  }

  @Test
  void failureFileNamesTheLaunchFailureAndStaysEmptyWhenTheProgramFails() throws Exception {
    Path failure = dir.resolve("launch.failure");
    Result failed = launch("--failure-file", failure.toString(), "--netns", "/nonexistent/netns", "--uid", "" + UID,
        "--", "/usr/bin/true");
    assertEquals(Launcher.LAUNCH_FAILED, failed.exit(), failed.output());
    assertTrue(Files.readString(failure).contains("network namespace"), "reason recorded: " + Files.readString(failure));
    Result program = launch("--failure-file", failure.toString(), "--uid", "" + UID, "--", "/bin/sh", "-c", "exit 125");
    assertEquals(125, program.exit(), program.output());
    assertEquals("", Files.readString(failure), "a program's own exit 125 is not a launch failure");
  }

  @Test
  void aBuiltHelperIsReusedUnlessOthersCouldHaveWrittenIt() throws IOException {
    assertEquals(helper, LaunchHelper.build(dir).orElseThrow(), "same source, same binary");
    long built = Files.getLastModifiedTime(helper).toMillis();
    assertEquals(built, Files.getLastModifiedTime(LaunchHelper.build(dir).orElseThrow()).toMillis(),
        "a trusted binary is not rebuilt");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path rebuilt = LaunchHelper.build(dir).orElseThrow();
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rebuilt)),
        "a world-writable helper must be replaced, never run as root");
  }

  private record Result(int exit, String output) {}

  private static Result launch(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(helper.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new java.io.File("/"));
    pb.environment().clear();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }
}
