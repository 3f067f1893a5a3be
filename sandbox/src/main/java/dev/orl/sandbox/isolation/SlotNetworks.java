package dev.orl.sandbox.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One persistent network namespace per worker slot ({@code ip netns add}), holding only a loopback interface, which
 * {@code orl-launch} enters before the uid switch. It replaces bwrap's per-run {@code --unshare-net}, whose namespace
 * creation and teardown cost ~1 ms of CPU per run. Sharing a slot's namespace between its consecutive runs leaks
 * nothing: runs of a slot never overlap, every process of a run is killed before the next starts (so no socket or
 * listener survives it), and the sandbox cannot reconfigure the namespace (it has no capability in the namespace's
 * owning user namespace). Programs see the same thing as with {@code --unshare-net}: {@code lo} up, nothing else.
 */
final class SlotNetworks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlotNetworks.class);
  private static final Path NETNS_DIR = Path.of("/run/netns");
  private static final String PREFIX = "orl-sandbox-";

  private final String ip;
  private final List<String> names;

  private SlotNetworks(String ip, List<String> names) {
    this.ip = ip;
    this.names = List.copyOf(names);
  }

  /** Creates {@code count} namespaces named after this process; empty when {@code ip} is missing or fails. */
  static Optional<SlotNetworks> create(int count) {
    String ip = Isolation.which("ip");
    if (ip == null) {
      return Optional.empty();
    }
    removeStale(ip);
    List<String> names = new ArrayList<>();
    long pid = ProcessHandle.current().pid();
    for (int i = 0; i < count; i++) {
      String name = PREFIX + pid + "-" + i;
      names.add(name);
      if (!run(ip, "netns", "add", name) || !run(ip, "-n", name, "link", "set", "lo", "up")) {
        new SlotNetworks(ip, names).close();
        return Optional.empty();
      }
    }
    return Optional.of(new SlotNetworks(ip, names));
  }

  /** The namespace file of slot {@code index}, for {@code orl-launch --netns}. */
  Path path(int index) {
    return NETNS_DIR.resolve(names.get(index));
  }

  @Override
  public void close() {
    for (String name : names) {
      run(ip, "netns", "delete", name);
    }
  }

  /** Deletes namespaces of servers that died without closing (the pid in the name is gone). */
  private static void removeStale(String ip) {
    try (var entries = Files.newDirectoryStream(NETNS_DIR, PREFIX + "*")) {
      for (Path entry : entries) {
        String[] parts = entry.getFileName().toString().substring(PREFIX.length()).split("-");
        if (parts.length == 2 && parts[0].chars().allMatch(Character::isDigit)
            && ProcessHandle.of(Long.parseLong(parts[0])).isEmpty()) {
          run(ip, "netns", "delete", entry.getFileName().toString());
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /run/netns yet, or unreadable: nothing stale to remove
    }
  }

  private static boolean run(String... cmd) {
    HostCommand.Result result = HostCommand.run(List.of(cmd), 10);
    if (result.failedWithOutput()) {
      LOG.warn("{} failed: {}", String.join(" ", cmd), result.output());
    }
    return result.ok();
  }
}
