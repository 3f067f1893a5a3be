package dev.orl.model.device;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;

/**
 * Warns when a run is about to oversubscribe the CPU. PyTorch's intra-op pool takes every core by default, so two
 * runs on one machine each spin up a full pool and both slow to a fraction of their solo speed; the measured case
 * (docs/reproduction.md) is several runs sharing 2 cores, where one seed took two to three times its solo time.
 */
public final class CoreBudget {

    private CoreBudget() {}

    /**
     * The warning to log before training, if any.
     *
     * @param threads the intra-op threads asked for (0 = every core)
     * @param cores the cores this JVM sees
     * @param loadAverage the system's one-minute load average; negative when the platform does not report it
     * @param oneThread how the caller's user asks for one thread ({@code --set threads=1}, {@code --threads 1})
     */
    public static Optional<String> warning(int threads, int cores, double loadAverage, String oneThread) {
        if (threads > cores) {
            return Optional.of("threads: " + threads + " exceeds the " + cores + " cores this machine has; the extra"
                    + " threads only contend. Set threads to " + cores + " or fewer.");
        }
        if (threads == 0 && loadAverage >= cores) {
            return Optional.of(String.format(Locale.ROOT, "the machine is busy (load average %.1f on %d"
                    + " cores) and this run takes every core (threads: 0). Runs sharing a machine should each set"
                    + " threads to their share, e.g. %s.", loadAverage, cores, oneThread));
        }
        return Optional.empty();
    }

    /** The warning for this JVM's machine, as {@link #warning} reads it now. */
    public static Optional<String> now(int threads, String oneThread) {
        return warning(threads, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), oneThread);
    }
}
