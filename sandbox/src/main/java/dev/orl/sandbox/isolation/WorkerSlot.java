package dev.orl.sandbox.isolation;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One concurrent execution slot: its own unprivileged host uid (so slots cannot signal or trace each other, and
 * leftovers are attributable), its own cgroup when cgroups are available, and its own loopback-only network namespace
 * when {@link SlotNetworks} could create one (otherwise bwrap makes a fresh one per run).
 */
public record WorkerSlot(int index, int uid, Optional<CgroupSlot> cgroup, Optional<Path> netns) {}
