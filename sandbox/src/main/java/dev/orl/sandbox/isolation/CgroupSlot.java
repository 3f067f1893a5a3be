package dev.orl.sandbox.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cgroup of one worker slot, reused run after run: caps memory and processes, measures CPU time of every process
 * of a run (which {@code wait4} cannot see past the pid namespace), counts OOM kills, and kills what is left.
 */
public abstract class CgroupSlot implements AutoCloseable {

  /** Files the launcher writes its pid into, before it execs the sandbox, to join this cgroup. */
  public abstract List<Path> procsFiles();

  /** Sets the caps of the next run and resets its counters. */
  public abstract void prepare(long memoryBytes, int maxProcesses);

  /** CPU time used since {@link #prepare}. */
  public abstract long cpuNanos();

  /** OOM kills since {@link #prepare}. */
  public abstract long oomKills();

  /** The cgroup.procs file listing every live process of the run. */
  protected abstract Path procsFile();

  /** Directories to remove on close, innermost first. */
  protected abstract List<Path> dirs();

  /** Pids currently in the cgroup. */
  public List<Long> pids() {
    List<Long> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(procsFile())) {
        if (!line.isBlank()) {
          out.add(Long.parseLong(line.trim()));
        }
      }
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * SIGKILLs every process in the cgroup except {@code sparePid} (the launcher, which then reaps its child and exits
   * by itself, so no zombie is orphaned), until none is left or {@code timeoutMillis} passes. Returns true if empty.
   */
  public boolean killAllExcept(long sparePid, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (true) {
      List<Long> pids = pids();
      pids.remove(sparePid);
      if (pids.isEmpty()) {
        return true;
      }
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleepMillis(2);
    }
  }

  @Override
  public void close() {
    killAllExcept(-1, 2000);
    for (Path dir : dirs()) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // A cgroup that cannot be removed yet is harmless; the kernel frees it once its last process is reaped.
      }
    }
  }

  static void write(Path file, String value) {
    try {
      Files.writeString(file, value, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write '" + value + "' to " + file, e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The value of {@code key} in a flat-keyed cgroup file such as memory.events, or 0 when absent. */
  static long keyed(Path file, String key) {
    if (!Files.exists(file)) {
      return 0;
    }
    for (String line : read(file).split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.regionMatches(0, key, 0, space) && space == key.length()) {
        return Long.parseLong(line.substring(space + 1).trim());
      }
    }
    return 0;
  }

  static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
