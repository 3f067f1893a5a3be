package dev.orl.model.device;

import java.util.Map;

/**
 * How glibc's malloc, which libtorch's CPU tensors come from, treats freed memory, read from the environment the
 * process started with (glibc reads it once, before any Java code runs).
 *
 * <p>By default glibc maps every block above 32 MB afresh and unmaps it when freed, so each vocabulary-sized tensor of
 * a training step (the 0.5B shape has several of 544–622 MB) is page-faulted and zeroed by the kernel again on every
 * step: measured here, 1.8 million page faults and 6–7 s of kernel time per 0.5B step on one thread, most of which
 * disappears with {@link #RECOMMENDED}. One arena, no mmap and no trimming keep freed blocks in the process for the
 * next step; the price is that the resident size stays at its high-water mark.
 *
 * @param arenaMax {@code MALLOC_ARENA_MAX}, or null when unset
 * @param mmapMax {@code MALLOC_MMAP_MAX_}, or null when unset
 * @param trimThreshold {@code MALLOC_TRIM_THRESHOLD_}, or null when unset
 */
public record NativeAllocator(String arenaMax, String mmapMax, String trimThreshold) {

    /** Environment settings (for the shell that starts the JVM) under which freed tensor memory is reused. */
    public static final String RECOMMENDED =
            "MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736";

    /** Trimming thresholds below this would still hand a step's freed tensors back to the kernel. */
    private static final long MIN_TRIM_THRESHOLD = 1L << 34;

    /** The settings this process started with. */
    public static NativeAllocator current() {
        return of(System.getenv());
    }

    /** The settings in {@code environment}, a map of environment variables. */
    public static NativeAllocator of(Map<String, String> environment) {
        return new NativeAllocator(environment.get("MALLOC_ARENA_MAX"), environment.get("MALLOC_MMAP_MAX_"),
                environment.get("MALLOC_TRIM_THRESHOLD_"));
    }

    /**
     * True when large freed blocks stay in the process: one arena (other arenas fall back to mmap for blocks over
     * 64 MB), no mmap, and a trim threshold far above a step's working set.
     */
    public boolean reusesFreedMemory() {
        return "1".equals(trim(arenaMax)) && "0".equals(trim(mmapMax)) && parse(trimThreshold) >= MIN_TRIM_THRESHOLD;
    }

    /** {@code reuses freed memory} or the advice to set {@link #RECOMMENDED}, for logs and benchmark headers. */
    public String describe() {
        return reusesFreedMemory() ? "malloc reuses freed memory"
                : "default malloc (large tensors page-fault every step; set " + RECOMMENDED + ")";
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static long parse(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
