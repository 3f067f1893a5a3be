package dev.orl.sandbox.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up isolation for a server: probes which layers this host supports (bubblewrap, root for setpriv, cgroup v1/v2),
 * creates the worker slots, and says plainly what is weaker than the full design.
 */
public final class Isolation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Isolation.class);

  /**
   * What the operator asks for: the strongest available, the same layers through the {@code sh} + {@code setpriv}
   * prologue and per-run network namespaces (what a host without a C compiler gets), or deliberately weaker layers
   * (tests of the fallbacks).
   */
  public enum Request { AUTO, SCRIPT_LAUNCHER, NO_NAMESPACES, RLIMITS_ONLY }

  /** Root-only directory shared by this host's servers: uid reservations and the compiled {@code orl-launch}. */
  static final Path RUN_DIR = Path.of("/run/orl-sandbox");

  private final IsolationProfile profile;
  private final List<WorkerSlot> slots;
  private final ProcessSandbox sandbox;
  private final ExecutorService pumps;
  private final UidRange uids;
  private final Optional<SlotNetworks> networks;

  private Isolation(IsolationProfile profile, List<WorkerSlot> slots, ProcessSandbox sandbox, ExecutorService pumps,
      UidRange uids, Optional<SlotNetworks> networks) {
    this.uids = uids;
    this.profile = profile;
    this.slots = List.copyOf(slots);
    this.sandbox = sandbox;
    this.pumps = pumps;
    this.networks = networks;
  }

  /**
   * Probes the host and creates {@code workers} slots with uids {@code base + i}, where {@code base} is the first
   * block at or after {@code baseUid} that no other server on this host holds.
   */
  public static Isolation create(int workers, int baseUid, Request request) {
    UidRange uids = UidRange.reserve(baseUid, workers);
    List<String> warnings = new ArrayList<>();
    boolean root = isRoot();
    Optional<Path> helper = root && request != Request.SCRIPT_LAUNCHER ? LaunchHelper.build(RUN_DIR)
        : Optional.empty();
    String setpriv = which("setpriv");
    boolean drop = root && (helper.isPresent() || setpriv != null);
    if (!drop) {
      warnings.add(root ? "setpriv not found: programs run as root inside the sandbox"
          : "server is not root: programs run as the server's own uid, sharing it across slots");
    }
    IsolationProfile.CgroupVersion version = root && request != Request.RLIMITS_ONLY ? Cgroups.detect()
        : IsolationProfile.CgroupVersion.NONE;
    Cgroups.removeStale(version);
    Optional<List<CgroupSlot>> cgroups = version == IsolationProfile.CgroupVersion.NONE ? Optional.empty()
        : Cgroups.createSlots(version, "orl-sandbox-" + ProcessHandle.current().pid(), workers);
    if (cgroups.isEmpty()) {
      version = IsolationProfile.CgroupVersion.NONE;
      warnings.add("cgroups unavailable: memory is capped by RLIMIT_AS, CPU time is seen per process only");
    }
    String bwrap = request == Request.AUTO || request == Request.SCRIPT_LAUNCHER ? which("bwrap") : null;
    Optional<SlotNetworks> networks = bwrap != null && helper.isPresent() ? SlotNetworks.create(workers)
        : Optional.empty();
    List<WorkerSlot> slots = slots(workers, uids, cgroups, networks);
    ExecutorService pumps = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sandbox-output");
      t.setDaemon(true);
      return t;
    });
    IsolationProfile profile = new IsolationProfile(bwrap != null, drop, helper.isPresent(), networks.isPresent(),
        version, warnings);
    if (bwrap != null && !bubblewrapWorks(profile, bwrap, setpriv, helper, slots.get(0), pumps)) {
      warnings.add("bubblewrap at " + bwrap + " does not start here (user namespaces disabled?)");
      bwrap = null;
      networks.ifPresent(SlotNetworks::close);
      networks = Optional.empty();
      slots = slots(workers, uids, cgroups, networks);
    } else if (bwrap == null) {
      warnings.add(request == Request.AUTO ? "bubblewrap not found: no namespaces (network, filesystem and "
          + "processes of the host are visible to programs)" : "namespaces disabled by request");
    }
    profile = new IsolationProfile(bwrap != null, drop, helper.isPresent(), networks.isPresent(), version, warnings);
    Launcher launcher = new Launcher(profile, bwrap, setpriv, helper);
    for (String w : profile.warnings()) {
      LOG.warn("sandbox isolation is weaker than designed: {}", w);
    }
    LOG.info("sandbox isolation: {} with {} worker slot(s), uids {}..{}", profile.describe(), workers, uids.base(),
        uids.base() + workers - 1);
    return new Isolation(profile, slots, new ProcessSandbox(profile, launcher, pumps), pumps, uids, networks);
  }

  private static List<WorkerSlot> slots(int workers, UidRange uids, Optional<List<CgroupSlot>> cgroups,
      Optional<SlotNetworks> networks) {
    List<WorkerSlot> slots = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      int index = i;
      slots.add(new WorkerSlot(i, uids.base() + i, cgroups.map(list -> list.get(index)),
          networks.map(n -> n.path(index))));
    }
    return slots;
  }

  public IsolationProfile profile() {
    return profile;
  }

  public List<WorkerSlot> slots() {
    return slots;
  }

  public ProcessSandbox sandbox() {
    return sandbox;
  }

  @Override
  public void close() {
    for (WorkerSlot slot : slots) {
      slot.cgroup().ifPresent(CgroupSlot::close);
    }
    networks.ifPresent(SlotNetworks::close);
    pumps.shutdownNow();
    uids.close();
  }

  private static boolean bubblewrapWorks(IsolationProfile candidate, String bwrap, String setpriv,
      Optional<Path> helper, WorkerSlot slot, ExecutorService pumps) {
    try {
      Path dir = Files.createTempDirectory("orl-sandbox-probe");
      Path code = dir.resolve("code");
      try {
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        Files.createDirectory(code);
        Files.setPosixFilePermissions(code, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessSandbox probe = new ProcessSandbox(candidate, new Launcher(candidate, bwrap, setpriv, helper), pumps);
        RunResult r = probe.run(slot, new RunSpec(List.of("/usr/bin/true"), code, false, null,
            RunLimits.of(5, 10, 64, 4096)));
        if (r.exitCode() != 0) {
          LOG.warn("bubblewrap probe failed (exit {}): {}", r.exitCode(), new String(r.stderr()).strip());
        }
        return r.exitCode() == 0;
      } finally {
        Files.deleteIfExists(code);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      LOG.warn("bubblewrap probe failed: {}", e.toString());
      return false;
    }
  }

  private static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[1].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** Absolute path of {@code tool} in the usual system directories (never a user's PATH shim), or null. */
  static String which(String tool) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }
}
