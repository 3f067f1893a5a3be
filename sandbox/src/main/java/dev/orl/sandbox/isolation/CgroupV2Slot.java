package dev.orl.sandbox.isolation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A worker slot's cgroup in the unified (v2) hierarchy. */
final class CgroupV2Slot extends CgroupSlot {
  private final Path dir;
  private final List<Path> removeOnClose;
  private long cpuBaseMicros;
  private long oomBase;
  private long memorySet = -1;
  private int processesSet = -1;

  CgroupV2Slot(Path dir, List<Path> removeOnClose) {
    this.dir = dir;
    this.removeOnClose = List.copyOf(removeOnClose);
  }

  @Override
  public List<Path> procsFiles() {
    return List.of(dir.resolve("cgroup.procs"));
  }

  @Override
  public void prepare(long memoryBytes, int maxProcesses) {
    // Only this slot's runs write its limits, one at a time: unchanged limits need no write.
    if (memoryBytes != memorySet) {
      write(dir.resolve("memory.max"), Long.toString(memoryBytes));
      if (Files.exists(dir.resolve("memory.swap.max"))) {
        write(dir.resolve("memory.swap.max"), "0");
      }
      memorySet = memoryBytes;
    }
    if (maxProcesses != processesSet) {
      write(dir.resolve("pids.max"), Integer.toString(maxProcesses));
      processesSet = maxProcesses;
    }
    // v2 counters cannot be reset: remember where this run starts.
    cpuBaseMicros = keyed(dir.resolve("cpu.stat"), "usage_usec");
    oomBase = keyed(dir.resolve("memory.events"), "oom_kill");
  }

  @Override
  public long cpuNanos() {
    return (keyed(dir.resolve("cpu.stat"), "usage_usec") - cpuBaseMicros) * 1000;
  }

  @Override
  public long oomKills() {
    return keyed(dir.resolve("memory.events"), "oom_kill") - oomBase;
  }

  @Override
  protected Path procsFile() {
    return dir.resolve("cgroup.procs");
  }

  @Override
  protected List<Path> dirs() {
    return removeOnClose;
  }
}
