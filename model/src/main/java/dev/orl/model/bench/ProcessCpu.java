package dev.orl.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kernel-mode CPU seconds this process has used so far (all threads, libtorch's OpenMP workers included), read from
 * {@code /proc/self/stat}: in a training step this is mostly page faults on freshly mapped tensor memory, the cost
 * {@link dev.orl.model.device.NativeAllocator} is about. NaN where {@code /proc} is unavailable.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc} times ({@code USER_HZ}), 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;
    /** Index of {@code stime} among the fields after the parenthesised command name. */
    private static final int STIME_FIELD = 12;

    private ProcessCpu() {}

    static double kernelSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the command name may contain spaces; the numeric fields start after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Long.parseLong(fields[STIME_FIELD]) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
