package dev.orl.sandbox.isolation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the host command line of one run, the only place that does. The privileged prologue joins the slot's
 * cgroup, sets rlimits, enters the slot's network namespace and becomes the slot's unprivileged uid without
 * capabilities: in one exec of {@code orl-launch} when it could be built, else {@code sh} (cgroup join and rlimits
 * as builtins) then {@code setpriv}. Then {@code bwrap} creates the namespaces and mounts, and the program runs as
 * PID 1 of its pid namespace so that its exit kills every process it left behind and no bwrap helper is orphaned
 * as a zombie.
 */
public final class Launcher {
  /** Exit status of the prologue when joining the cgroup or setting a limit fails (an infrastructure error). */
  public static final int LAUNCH_FAILED = 125;

  // set -e: a limit that cannot be set must stop the launch, never run the program without it.
  private static final String PROLOGUE = "set -e; "
      + "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit " + LAUNCH_FAILED + "; shift; done; shift; ";
  private static final List<String> READ_ONLY_ETC = List.of(
      "/etc/alternatives", "/etc/ld.so.cache", "/etc/java-17-openjdk", "/etc/localtime");

  private final IsolationProfile profile;
  private final String bwrap;
  private final String setpriv;
  private final Optional<Path> helper;
  /** The bwrap options that are the same for every run: namespaces and the read-only system mounts. */
  private final List<String> bwrapFixed;

  /**
   * {@code helper} is {@code orl-launch} (only ever present for a root server, which always switches uids); without
   * it the prologue is {@code sh} + {@code setpriv}.
   */
  public Launcher(IsolationProfile profile, String bwrap, String setpriv, Optional<Path> helper) {
    this.profile = profile;
    this.bwrap = bwrap;
    this.setpriv = setpriv;
    this.helper = helper;
    this.bwrapFixed = List.copyOf(bwrapFixed());
  }

  /** The full host argv for {@code spec} in {@code slot}. */
  public List<String> argv(WorkerSlot slot, RunSpec spec) {
    List<String> argv = helper.isPresent() ? helperPrologue(helper.get(), slot, spec)
        : scriptPrologue(slot, spec.limits());
    if (profile.bubblewrap()) {
      argv.addAll(bwrapArgs(spec, slot.netns().isEmpty()));
      argv.addAll(spec.command());
    } else {
      for (String arg : spec.command()) {
        argv.add(arg.startsWith(SandboxPaths.CODE + "/") || arg.equals(SandboxPaths.CODE)
            ? spec.codeDir() + arg.substring(SandboxPaths.CODE.length()) : arg);
      }
    }
    return argv;
  }

  /**
   * Where {@code orl-launch} writes why it failed, next to the job's code dir: in the root-only job dir, which the
   * program never sees, so a program cannot make its own failure look like the sandbox's. Null without the helper.
   */
  public Path failureFile(RunSpec spec) {
    return helper.isPresent() ? spec.codeDir().resolveSibling("orl-launch.failure") : null;
  }

  /** {@code orl-launch} applies its options in order: cgroups, rlimits, network namespace, then the uid switch. */
  private List<String> helperPrologue(Path launch, WorkerSlot slot, RunSpec spec) {
    RunLimits l = spec.limits();
    List<String> a = new ArrayList<>(List.of(launch.toString(), "--failure-file", failureFile(spec).toString()));
    slot.cgroup().ifPresent(cg -> cg.procsFiles().forEach(p -> a.addAll(List.of("--cgroup", p.toString()))));
    long cpuSoft = cpuSoftSeconds(l);
    a.addAll(List.of("--rlimit", "cpu=" + cpuSoft + ":" + (cpuSoft + 1),
        "--rlimit", "fsize=" + l.fileSizeBytes() + ":" + l.fileSizeBytes(),
        "--rlimit", "nofile=" + l.openFiles() + ":" + l.openFiles()));
    if (profile.cgroups() == IsolationProfile.CgroupVersion.NONE) {
      // The slot's uid is its own, so a per-uid process cap is a per-run cap.
      a.addAll(List.of("--rlimit", "as=" + l.memoryBytes() + ":" + l.memoryBytes(),
          "--rlimit", "nproc=" + l.maxProcesses() + ":" + l.maxProcesses()));
    }
    slot.netns().ifPresent(ns -> a.addAll(List.of("--netns", ns.toString())));
    a.addAll(List.of("--uid", Integer.toString(slot.uid()), "--gid", Integer.toString(slot.uid()), "--"));
    return a;
  }

  private List<String> scriptPrologue(WorkerSlot slot, RunLimits l) {
    List<String> a = new ArrayList<>(List.of("/bin/sh", "-c", PROLOGUE + ulimits(l) + "exec \"$@\"", "sh"));
    slot.cgroup().ifPresent(cg -> cg.procsFiles().forEach(p -> a.add(p.toString())));
    a.add("--");
    if (profile.dropPrivileges()) {
      a.addAll(List.of(setpriv, "--reuid=" + slot.uid(), "--regid=" + slot.uid(), "--clear-groups",
          "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"));
    }
    return a;
  }

  private static long cpuSoftSeconds(RunLimits l) {
    return l.cpuMillis() / 1000 + 1;
  }

  private String ulimits(RunLimits l) {
    long cpuSoft = cpuSoftSeconds(l);
    long fileBlocks = Math.max(1, l.fileSizeBytes() / 512);
    StringBuilder sb = new StringBuilder()
        .append("ulimit -St ").append(cpuSoft).append("; ulimit -Ht ").append(cpuSoft + 1).append("; ")
        .append("ulimit -Sf ").append(fileBlocks).append("; ulimit -Hf ").append(fileBlocks).append("; ")
        .append("ulimit -n ").append(l.openFiles()).append("; ");
    if (profile.cgroups() == IsolationProfile.CgroupVersion.NONE) {
      // Without cgroups, address space and per-uid process counts are the only caps left (weaker: RLIMIT_AS breaks
      // threaded runtimes, and RLIMIT_NPROC is only safe when the run has a uid of its own).
      sb.append("ulimit -v ").append(l.memoryBytes() / 1024).append("; ");
      if (profile.dropPrivileges()) {
        sb.append("ulimit -p ").append(l.maxProcesses()).append("; ");  // dash spells RLIMIT_NPROC -p
      }
    }
    return sb.toString();
  }

  /** {@code freshNetwork}: bwrap makes a new, empty network namespace for this run (no slot namespace). */
  private List<String> bwrapArgs(RunSpec spec, boolean freshNetwork) {
    String tmpfsSize = Long.toString(spec.limits().tmpfsBytes());
    List<String> a = new ArrayList<>(List.of(bwrap));
    if (freshNetwork) {
      a.add("--unshare-net");
    }
    a.addAll(bwrapFixed);
    a.addAll(List.of("--size", tmpfsSize, "--tmpfs", "/dev/shm",
        "--size", tmpfsSize, "--tmpfs", "/tmp",
        "--size", tmpfsSize, "--tmpfs", SandboxPaths.WORK,
        spec.codeWritable() ? "--bind" : "--ro-bind", spec.codeDir().toString(), SandboxPaths.CODE,
        "--chdir", SandboxPaths.WORK,
        // Everything but the size-capped tmpfs mounts is read-only, including bwrap's own root and /dev.
        "--remount-ro", "/dev", "--remount-ro", "/",
        "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", SandboxPaths.WORK,
        "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", "/tmp", "--"));
    return a;
  }

  private static List<String> bwrapFixed() {
    List<String> a = new ArrayList<>(List.of("--unshare-user", "--unshare-ipc", "--unshare-pid", "--unshare-uts",
        "--unshare-cgroup-try", "--disable-userns", "--die-with-parent", "--new-session", "--as-pid-1",
        "--hostname", "sandbox", "--ro-bind", "/usr", "/usr"));
    for (String dir : List.of("bin", "lib", "lib64", "sbin")) {
      Path host = Path.of("/" + dir);
      if (Files.isSymbolicLink(host)) {
        a.addAll(List.of("--symlink", "usr/" + dir, "/" + dir));
      } else if (Files.isDirectory(host)) {
        a.addAll(List.of("--ro-bind", "/" + dir, "/" + dir));
      }
    }
    for (String etc : READ_ONLY_ETC) {
      a.addAll(List.of("--ro-bind-try", etc, etc));
    }
    a.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    return a;
  }
}
