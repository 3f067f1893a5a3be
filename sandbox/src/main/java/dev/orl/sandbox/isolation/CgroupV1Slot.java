package dev.orl.sandbox.isolation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A worker slot's cgroups in the v1 hierarchies memory, pids and cpuacct. */
final class CgroupV1Slot extends CgroupSlot {
  private final Path memory;
  private final Path pids;
  private final Path cpuacct;
  private final List<Path> removeOnClose;
  private long oomBase;
  private long memorySet = -1;
  private int processesSet = -1;

  CgroupV1Slot(Path memory, Path pids, Path cpuacct, List<Path> removeOnClose) {
    this.memory = memory;
    this.pids = pids;
    this.cpuacct = cpuacct;
    this.removeOnClose = List.copyOf(removeOnClose);
  }

  @Override
  public List<Path> procsFiles() {
    return List.of(memory.resolve("cgroup.procs"), pids.resolve("cgroup.procs"), cpuacct.resolve("cgroup.procs"));
  }

  @Override
  public void prepare(long memoryBytes, int maxProcesses) {
    // Only this slot's runs write its limits, one at a time: unchanged limits need no write.
    if (memoryBytes != memorySet) {
      Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
      boolean hasSwapAccounting = Files.exists(memsw);
      // memsw must stay >= limit at every step: lift it, set the limit, then pin swap use to zero extra.
      if (hasSwapAccounting) {
        write(memsw, "-1");
      }
      write(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
      if (hasSwapAccounting) {
        write(memsw, Long.toString(memoryBytes));
      }
      memorySet = memoryBytes;
    }
    if (maxProcesses != processesSet) {
      write(pids.resolve("pids.max"), Integer.toString(maxProcesses));
      processesSet = maxProcesses;
    }
    write(cpuacct.resolve("cpuacct.usage"), "0");
    oomBase = keyed(memory.resolve("memory.oom_control"), "oom_kill");
  }

  @Override
  public long cpuNanos() {
    return Long.parseLong(read(cpuacct.resolve("cpuacct.usage")).trim());
  }

  @Override
  public long oomKills() {
    return keyed(memory.resolve("memory.oom_control"), "oom_kill") - oomBase;
  }

  @Override
  protected Path procsFile() {
    return pids.resolve("cgroup.procs");
  }

  @Override
  protected List<Path> dirs() {
    return removeOnClose;
  }
}
