package dev.orl.sandbox.isolation;

import java.util.ArrayList;
import java.util.List;

/**
 * How strongly this host can isolate runs: bubblewrap namespaces, a switch to unprivileged uids (needs root) done by
 * {@code orl-launch} or by {@code sh} + {@code setpriv}, per-slot network namespaces, and which cgroup version caps
 * memory and processes. {@code warnings} says what is weaker than the full design.
 */
public record IsolationProfile(boolean bubblewrap, boolean dropPrivileges, boolean launchHelper, boolean slotNetworks,
    CgroupVersion cgroups, List<String> warnings) {

  /** Which cgroup hierarchy is in use. */
  public enum CgroupVersion { NONE, V1, V2 }

  public IsolationProfile {
    warnings = List.copyOf(warnings);
  }

  /** A short name for /v1/info, e.g. {@code bubblewrap+slot-netns+orl-launch+cgroup-v1}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add(bubblewrap ? "bubblewrap" : "no-namespaces");
    if (slotNetworks) {
      parts.add("slot-netns");
    }
    if (dropPrivileges) {
      parts.add(launchHelper ? "orl-launch" : "setpriv");
    }
    parts.add(cgroups == CgroupVersion.NONE ? "rlimits-only" : "cgroup-" + cgroups.name().toLowerCase());
    return String.join("+", parts);
  }

  /** True when every layer of the design is active. */
  public boolean isFull() {
    return bubblewrap && dropPrivileges && cgroups != CgroupVersion.NONE;
  }
}
