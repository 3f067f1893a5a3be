package dev.orl.sandbox.isolation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one {@link RunSpec} in a {@link WorkerSlot}: starts the launcher with an empty environment, captures capped
 * output, watches CPU time (from the cgroup, covering every process of the run) and the wall-clock backstop, and at
 * the end kills and reaps every process of the run before the slot is reused.
 */
public final class ProcessSandbox {
  private static final long MAX_POLL_MILLIS = 25;
  private static final long IDLE_WINDOW_NANOS = 250_000_000L;
  private static final double IDLE_CPU_SHARE = 0.02;
  private static final long HARD_WALL_FACTOR = 10;

  private final Launcher launcher;
  private final IsolationProfile profile;
  private final ExecutorService pumps;

  /** {@code pumps} runs the output readers (two tasks per run). */
  public ProcessSandbox(IsolationProfile profile, Launcher launcher, ExecutorService pumps) {
    this.profile = profile;
    this.launcher = launcher;
    this.pumps = pumps;
  }

  public IsolationProfile profile() {
    return profile;
  }

  /** Runs {@code spec}; throws only for infrastructure failures (the launcher could not start). */
  public RunResult run(WorkerSlot slot, RunSpec spec) throws IOException {
    RunLimits limits = spec.limits();
    Optional<CgroupSlot> cgroup = slot.cgroup();
    cgroup.ifPresent(cg -> cg.prepare(limits.memoryBytes(), limits.maxProcesses()));
    ProcessBuilder pb = new ProcessBuilder(launcher.argv(slot, spec));
    // The launcher's environment is visible to the sandbox through /proc: it must be empty.
    pb.environment().clear();
    pb.directory(profile.bubblewrap() ? new File("/") : spec.codeDir().toFile());
    pb.redirectInput(spec.stdin() == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
        : ProcessBuilder.Redirect.from(spec.stdin().toFile()));
    AtomicBoolean overflow = new AtomicBoolean();
    long start = System.nanoTime();
    Process process = pb.start();
    OutputCapture out = new OutputCapture(process.getInputStream(), limits.outputBytes(), overflow);
    OutputCapture err = new OutputCapture(process.getErrorStream(), limits.outputBytes(), overflow);
    Future<?> outDone = pumps.submit(out);
    Future<?> errDone = pumps.submit(err);
    Termination termination = watch(process, cgroup, limits, overflow, start);
    long wall = System.nanoTime() - start;
    killRun(process, slot);
    await(outDone);
    await(errDone);
    long cpu = cgroup.map(CgroupSlot::cpuNanos).orElse(wall);
    int exit = process.exitValue();
    checkLaunched(launcher.failureFile(spec), exit);
    if (termination == Termination.EXITED) {
      termination = classifyExit(exit, cpu, limits, cgroup, overflow.get());
    }
    return new RunResult(termination, exit, cpu, wall, out.bytes(), err.bytes());
  }

  /** Throws when the launcher itself failed (a sandbox failure, answered 503), never for the program's own exit. */
  private static void checkLaunched(Path failureFile, int exit) throws IOException {
    if (failureFile == null) {
      return;
    }
    String failure = Files.exists(failureFile) ? Files.readString(failureFile).strip() : "";
    Files.deleteIfExists(failureFile);
    if (!failure.isEmpty()) {
      throw new IOException("sandbox launch failed (exit " + exit + "): " + failure);
    }
  }

  /**
   * Waits for the run to end or break a limit. The wall-clock limit is a backstop for programs that do not use CPU
   * (sleeping, blocked, stopped): past it, a run is killed only once it is idle (below {@link #IDLE_CPU_SHARE} of a
   * core over the last window), so a CPU-bound program starved by load is judged by CPU time, never by the clock.
   * {@link #HARD_WALL_FACTOR} times the CPU limit bounds even a busy run.
   */
  private static Termination watch(Process process, Optional<CgroupSlot> cgroup, RunLimits limits,
      AtomicBoolean overflow, long start) {
    long cpuLimit = limits.cpuMillis() * 1_000_000;
    long wallLimit = limits.wallMillis() * 1_000_000;
    long hardWall = Math.max(wallLimit, HARD_WALL_FACTOR * cpuLimit + 10_000_000_000L);
    long poll = 2;
    long windowStart = start;
    long windowCpu = 0;
    try {
      while (!process.waitFor(poll, TimeUnit.MILLISECONDS)) {
        if (overflow.get()) {
          return Termination.OUTPUT_LIMIT;
        }
        long now = System.nanoTime();
        long cpu = cgroup.map(CgroupSlot::cpuNanos).orElse(0L);
        if (cpu > cpuLimit) {
          return Termination.CPU_LIMIT;
        }
        if (now - start > wallLimit) {
          boolean idle = cgroup.isEmpty() || (now - windowStart >= IDLE_WINDOW_NANOS
              && cpu - windowCpu < IDLE_CPU_SHARE * (now - windowStart));
          if (idle || now - start > hardWall) {
            return Termination.WALL_LIMIT;
          }
        }
        if (now - windowStart >= IDLE_WINDOW_NANOS) {
          windowStart = now;
          windowCpu = cpu;
        }
        poll = Math.min(poll * 2, MAX_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Termination.WALL_LIMIT;
    }
    return Termination.EXITED;
  }

  private static Termination classifyExit(int exit, long cpu, RunLimits limits, Optional<CgroupSlot> cgroup,
      boolean overflow) {
    if (overflow) {
      return Termination.OUTPUT_LIMIT;
    }
    if (cgroup.isPresent() && cgroup.get().oomKills() > 0) {
      return Termination.MEMORY_LIMIT;
    }
    boolean rlimitCpu = exit == 128 + 24 || (cgroup.isEmpty() && exit == 128 + 9);
    // Without a cgroup "cpu" is only the wall time, which load inflates: trust RLIMIT_CPU's signal alone there.
    if (rlimitCpu || (cgroup.isPresent() && cpu > limits.cpuMillis() * 1_000_000)) {
      return Termination.CPU_LIMIT;
    }
    return Termination.EXITED;
  }

  /**
   * Kills every process of the run. With a cgroup: everything but the launcher first, so the launcher reaps its child
   * and exits normally (killing it first would orphan that child to a PID 1 that may never reap it); then the
   * launcher if it lingers; then a final sweep. Without one: the launcher, whose death kills the namespace.
   */
  private void killRun(Process process, WorkerSlot slot) {
    Optional<CgroupSlot> cgroup = slot.cgroup();
    try {
      if (cgroup.isPresent()) {
        cgroup.get().killAllExcept(process.pid(), 2000);
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        process.waitFor();
        if (!cgroup.get().killAllExcept(-1, 5000)) {
          throw new IllegalStateException("processes of a run survived SIGKILL: " + cgroup.get().pids());
        }
      } else {
        process.destroyForcibly();
        process.waitFor();
        if (profile.dropPrivileges()) {
          // No cgroup to enumerate the run: the slot's uid is its own, so every process of that uid is the run's.
          killUid(slot.uid());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void killUid(int uid) throws InterruptedException {
    for (int round = 0; round < 1000; round++) {
      List<ProcessHandle> left = ProcessHandle.allProcesses().filter(h -> uidOf(h.pid()) == uid).toList();
      if (left.isEmpty()) {
        return;
      }
      left.forEach(ProcessHandle::destroyForcibly);
      Thread.sleep(2);
    }
    throw new IllegalStateException("processes of uid " + uid + " survived SIGKILL");
  }

  private static int uidOf(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("State:") && line.contains("Z")) {
          return -1;  // a zombie holds no resources and cannot be killed; its parent reaps it
        }
        if (line.startsWith("Uid:")) {
          return Integer.parseInt(line.split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
    return -1;
  }

  private static void await(Future<?> f) {
    try {
      f.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new UncheckedIOException(new IOException("output capture failed", e.getCause()));
    }
  }
}
